"""Write an engine file's `training_labels` (how many augmented training pairs each label had)
into its manifest, made again from the manifest's recipe and the same pair files.

Engines trained since `training_labels` exists carry it from `annotator train`; this adds it
to one trained before (the bundled engine was), so that the run time takes the training set's
lean between support and oppose out (`NeuralEngine.side_offsets`). The weights, the tokenizer
and the version are unchanged; the pair files are checked against the manifest's data hashes.

    python scripts/engine_training_labels.py annotator/stance/artifacts/stance-neural.zip \\
        ../shared/data/stance/train.jsonl
"""

from __future__ import annotations

import sys
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.stance.neural.runtime import NeuralEngine
from annotator.stance.neural.train import recipe_label_counts


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(
            "Error: usage: engine_training_labels.py ENGINE.zip PAIRS.jsonl [PAIRS.jsonl ...]",
            file=sys.stderr,
        )
        return 2
    try:
        engine = NeuralEngine.load(argv[0])
        counts = recipe_label_counts(engine.manifest, [Path(p) for p in argv[1:]])
        engine.manifest = {**engine.manifest, "training_labels": counts}
        engine.save(argv[0])
    except AnnotatorError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 2
    print(f"{argv[0]}: training_labels {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
