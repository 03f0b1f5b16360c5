"""Shared test helpers: where ../shared is, and the CI rule for optional tools."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ANNOTATOR_SHARED", ROOT.parent / "shared"))
SEEDS = ROOT / "seeds"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need(condition: bool, why: str) -> None:
    """Skip when an optional tool or data set is missing, except under CI, where it fails."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{why} (required under CI=true)")
    pytest.skip(why)


@pytest.fixture
def shared() -> Path:
    need(SHARED.is_dir(), f"../shared not found at {SHARED}; set ANNOTATOR_SHARED")
    return SHARED
