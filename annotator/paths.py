"""Where the bundled seed, schemas and model live, in a checkout and in an installed wheel."""

from __future__ import annotations

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
