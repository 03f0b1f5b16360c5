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


def local_cluster():
    """A Dask LocalCluster of two single-thread worker processes, quiet, on free ports."""
    from dask import distributed

    return distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=50
    )


@pytest.fixture(scope="session")
def dask_client():
    """One LocalCluster's client for the Dask tests of the session."""
    from dask import distributed

    cluster = local_cluster()
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()
