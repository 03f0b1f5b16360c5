"""Generate the JSON Schema files in schemas/ from the pydantic models.

python -m annotator.schemas            # rewrite schemas/
python -m annotator.schemas --check    # exit 1 when schemas/ is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from annotator.models import SCHEMA_MODELS

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def render() -> dict[str, str]:
    """File name -> JSON text for every model."""
    out = {}
    for name, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = f"{name}.schema.json"
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def stale(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that are missing or differ from the models."""
    return [
        n
        for n, text in render().items()
        if not (directory / n).exists() or (directory / n).read_text(encoding="utf-8") != text
    ]


def write(directory: Path = SCHEMA_DIR) -> list[str]:
    from annotator.io import write_text

    directory.mkdir(parents=True, exist_ok=True)
    changed = stale(directory)
    for n, text in render().items():
        if n in changed:
            write_text(directory / n, text)
    return changed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        bad = stale()
        if bad:
            print(
                f"Error: stale schemas: {', '.join(bad)}; run: python -m annotator.schemas", file=sys.stderr
            )
            return 1
        print("schemas are up to date")
        return 0
    changed = write()
    print(f"wrote {len(changed)} schema file(s) to {SCHEMA_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
