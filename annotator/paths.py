"""Where things live: the bundled seed, schemas and models (in a checkout and in an installed
wheel), and the shared evaluation and training data beside a checkout (`../shared`, or
$ANNOTATOR_SHARED): the one place these paths are built."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _first(*candidates: Path) -> Path:
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


SEEDS = _first(PACKAGE.parent / "seeds", PACKAGE / "_seeds")
SEED_CODEBOOK = SEEDS / "codebook.yaml"
SEED_EXPERTS = SEEDS / "experts.yaml"
MODEL_DIR = PACKAGE / "stance" / "artifacts"


def seed_articles() -> list[Path]:
    """The bundled seed article(s): every .txt file directly in seeds/."""
    return sorted(SEEDS.glob("*.txt"))


#: the shared data beside a checkout (not part of the project; absent in an installed wheel)
SHARED = Path(os.environ.get("ANNOTATOR_SHARED", PACKAGE.parent.parent / "shared"))
SHARED_STANCE = SHARED / "data" / "stance"
SHARED_ATTRIBUTION = SHARED / "data" / "attribution"
