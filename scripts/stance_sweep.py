"""Try several fine-tuning recipes of the neural stance engine side by side on one GPU, and
keep the best. This is how the shipped engine's recipe was chosen (README, "Training the
neural engine"); `annotator train` alone rebuilds that recipe.

Three steps, in the `train` extra's environment (torch, transformers, safetensors):

    # 1. here: a folder that travels to the GPU machine (base weights in float16, the public
    #    pairs, and two probes: the phenomena table of the tests, and the e2e dev reference
    #    quotes read on the question alone)
    python scripts/stance_sweep.py prepare .gpu --shared ../shared
    # 2. there: train every recipe at once, score each, keep the best one's weights (float16,
    #    in pieces under 16 MiB)
    python3 scripts/stance_sweep.py run .gpu OUT [--round recipes|seeds|consequences] [--tiny]
    # 3. here: a transformers folder again, then export, quantise and measure it
    python scripts/stance_sweep.py merge OUT build/neural/hf
    python -m annotator.stance.neural.train --pairs ../shared/data/stance/train.jsonl \\
        --dev ../shared/data/stance/dev.jsonl --work build/neural -o neural.zip --device cuda \\
        --export-only --note "where it ran"

Recipes are ranked on the mean of pro/con and VAST macro-F1 (dev pairs), the e2e probe and
the phenomena table, each after the last epoch. The prepared folder holds data from
../shared: keep it out of the repository (it is ignored).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.stance.neural.train import TrainConfig  # noqa: E402

SHIPPED_AUG = TrainConfig().augment  # the recipe `annotator train` uses by default
NEW_AUG = {k: v for k, v in SHIPPED_AUG.items() if k != "off_topic"}
OLD_AUG = {"predictions": 0.2, "necessities": 0.05, "comparisons": 0.05}
ROUNDS = {
    "recipes": {
        "old_aug_e4": dict(epochs=4, lr=5e-5, seed=13, augment=OLD_AUG),
        "new_aug_e4": dict(epochs=4, lr=5e-5, seed=13, augment=NEW_AUG),
        "new_aug_e6": dict(epochs=6, lr=5e-5, seed=13, augment=NEW_AUG),
        "new_aug_e5_lr3e-5": dict(epochs=5, lr=3e-5, seed=13, augment=NEW_AUG),
        "new_aug_e4_seed14": dict(epochs=4, lr=5e-5, seed=14, augment=NEW_AUG),
        "shipped": dict(epochs=4, lr=5e-5, seed=13, augment=SHIPPED_AUG),
        "new_aug_e4_len256": dict(epochs=4, lr=5e-5, seed=13, augment=NEW_AUG, max_length=256),
        "new_aug_e3": dict(epochs=3, lr=5e-5, seed=13, augment=NEW_AUG),
    },
    # plain consequences ("{measure} hits {group} hardest") asked as merit and as harm
    "consequences": {
        "shipped": dict(epochs=4, lr=5e-5, seed=13, augment=SHIPPED_AUG),
        "shipped_seed14": dict(epochs=4, lr=5e-5, seed=14, augment=SHIPPED_AUG),
        **{
            f"cons{int(w * 100):02d}_seed{s}": dict(
                epochs=4, lr=5e-5, seed=s, augment={**SHIPPED_AUG, "consequences": w}
            )
            for w in (0.05, 0.1)
            for s in (13, 14)
        },
    },
    "seeds": {
        **{f"shipped_seed{s}": dict(epochs=4, lr=5e-5, seed=s, augment=SHIPPED_AUG) for s in range(13, 19)},
        "shipped_e3_seed13": dict(epochs=3, lr=5e-5, seed=13, augment=SHIPPED_AUG),
        "shipped_e3_seed14": dict(epochs=3, lr=5e-5, seed=14, augment=SHIPPED_AUG),
    },
}
#: weight averages ("model soups") of runs of one recipe, scored like the runs
SOUPS = {
    "seeds": {
        "soup6": [f"shipped_seed{s}" for s in range(13, 19)],
        "soup3": ["shipped_seed13", "shipped_seed14", "shipped_seed15"],
    }
}
PIECE = 15 * 2**20  # bytes: what comes back from the GPU machine is at most 16 MiB a file


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- prepare
def prepare(folder: Path, shared: Path) -> None:
    from safetensors.torch import load_file, save_file

    from annotator.stance.neural.train import base_model_dir

    base = base_model_dir()
    (folder / "base").mkdir(parents=True, exist_ok=True)
    (folder / "data").mkdir(exist_ok=True)
    for name in (
        "config.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "vocab.txt",
        "special_tokens_map.json",
    ):
        shutil.copy(base / name, folder / "base" / name)
    weights = load_file(str(base / "model.safetensors"))
    save_file(
        {k: (v.half() if v.is_floating_point() else v).contiguous() for k, v in weights.items()},
        str(folder / "base" / "model.safetensors"),
    )
    for name in ("train.jsonl", "dev.jsonl"):
        shutil.copy(shared / "data" / "stance" / name, folder / "data" / name)
    write_jsonl(folder / "probe_phen.jsonl", _phenomena())
    write_jsonl(folder / "probe_e2e.jsonl", _e2e_probe(shared))
    print(f"prepared {folder}")


def _phenomena() -> list[dict]:
    """The invented sentences of tests/stance/test_neural_phenomena.py (its CASES table)."""
    import ast

    tree = ast.parse((ROOT / "tests" / "stance" / "test_neural_phenomena.py").read_text(encoding="utf-8"))
    node = next(
        n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "CASES"
    )
    cases = ast.literal_eval(node.value)
    return [{"question": q, "text": x, "want": [e]} for rows in cases.values() for q, x, e in rows]


def _e2e_probe(shared: Path) -> list[dict]:
    """The e2e dev reference quotes on each question their words make relevant (the
    cascade's bar), with the labels the reference accepts."""
    from annotator.stance.codebook import load_codebook
    from annotator.stance.reading import strip_quote_marks
    from annotator.stance.relevance import (
        Weights,
        bundled_idf,
        context_for,
        question_profiles,
        relevance_and_own,
    )

    texts = {
        str(a["id"]): a["text"] for a in read_jsonl(shared / "data" / "attribution" / "polnear_dev.jsonl")
    }
    rows = []
    for d in sorted((shared / "gold" / "e2e_dev").iterdir()):
        if not (d / "gold.json").exists():
            continue
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        codebook = load_codebook(d / "codebook.yaml")
        profiles = question_profiles(codebook, bundled_idf(), Weights())
        quotes = gold["expert_quotes"]
        words = [strip_quote_marks(q["text"]) for q in quotes]
        contexts = [context_for(texts[q["article_id"]], q["start"], q["end"]) for q in quotes]
        rel, _ = relevance_and_own(words, contexts, profiles, Weights())
        for i, q in enumerate(quotes):
            for j, question in enumerate(codebook.questions):
                if rel[i, j] >= 1.0:
                    want = q["stances"].get(question.id, ["not_addressed"])
                    rows.append({"question": question.text, "text": words[i], "want": want})
    return rows


# --------------------------------------------------------------------------- run
def probe_score(probs, rows: list[dict]) -> float:
    from annotator.stance.neural.runtime import decide_pair

    right = 0
    for p, r in zip(probs, rows):
        label, want = decide_pair(p)[0], set(r["want"])
        right += bool(want & {"neutral", "not_addressed"}) if label == "neutral" else label in want
    return round(right / len(rows), 4)


@cache
def scoring_sets(folder: Path, tiny: bool) -> tuple[list[dict], list[dict], list[dict]]:
    """The dev pairs, the e2e probe and the phenomena table, read once per process."""
    dev = read_jsonl(folder / "data" / "dev.jsonl")
    if tiny:
        dev = dev[:200] + dev[-200:]
    return dev, read_jsonl(folder / "probe_e2e.jsonl"), read_jsonl(folder / "probe_phen.jsonl")


def score(model, tok, folder: Path, max_length: int, tiny: bool) -> dict:
    from annotator.stance.neural.runtime import dev_metrics
    from annotator.stance.neural.train import torch_probs

    dev, e2e, phen = scoring_sets(folder, tiny)

    def probs(rows):
        return torch_probs(model, tok, [(r["question"], r["text"]) for r in rows], max_length)

    out = dev_metrics(probs(dev), dev)
    out["e2e_probe"] = probe_score(probs(e2e), e2e)
    out["phenomena"] = probe_score(probs(phen), phen)
    return out


def train_one(name: str, recipe: dict, folder: Path, work: Path, tiny: bool) -> tuple[str, dict]:
    import torch

    from annotator.stance.neural.augment import augment
    from annotator.stance.neural.train import fine_tune, read_examples

    t0 = time.time()
    config = TrainConfig(
        epochs=1 if tiny else recipe["epochs"],
        lr=recipe["lr"],
        seed=recipe["seed"],
        max_length=recipe.get("max_length", 128),
        device="cuda" if torch.cuda.is_available() else "cpu",
        augment=recipe["augment"],
    )
    rows = read_examples(folder / "data" / "train.jsonl")
    examples = augment(rows[:300] if tiny else rows, seed=config.seed, **config.augment)
    history = fine_tune(
        examples,
        config,
        folder / "base",
        work / name,
        lambda m, t, ml: score(m, t, folder, ml, tiny),
        log=lambda line: None,
    )
    (work / name / "history.json").write_text(json.dumps(history, indent=1) + "\n", encoding="utf-8")
    return name, {
        "history": history,
        "augmented_pairs": len(examples),
        "config": config.__dict__,
        "seconds": round(time.time() - t0, 1),
    }


def soups(results: dict, members_of: dict, folder: Path, work: Path, tiny: bool) -> None:
    import torch
    from safetensors.torch import load_file
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    for soup, members in members_of.items():
        members = [m for m in members if m in results]
        if len(members) < 2:
            continue
        sds = [load_file(str(work / m / "model.safetensors")) for m in members]
        avg = {
            k: sum(sd[k].float() for sd in sds) / len(sds) if sds[0][k].is_floating_point() else sds[0][k]
            for k in sds[0]
        }
        model = AutoModelForSequenceClassification.from_pretrained(work / members[0], dtype=torch.float32)
        model.load_state_dict(avg, strict=False)
        model.to("cuda" if torch.cuda.is_available() else "cpu").eval()
        tok = AutoTokenizer.from_pretrained(work / members[0])
        metrics = score(model, tok, folder, 128, tiny)
        model.to("cpu").save_pretrained(work / soup)
        tok.save_pretrained(work / soup)
        results[soup] = {"history": {"epoch_1": metrics}, "members": members}
        print(soup, json.dumps(metrics), flush=True)


def last(result: dict) -> dict:
    h = result["history"]
    return h[max(h, key=lambda k: int(k.split("_")[1]))]


def rank(result: dict) -> float:
    m = last(result)
    return (m["procon_macro_f1"] + m["vast_macro_f1"] + m["e2e_probe"] + m["phenomena"]) / 4


def run(folder: Path, out: Path, round_name: str, tiny: bool) -> None:
    from safetensors.torch import load_file, save_file

    out.mkdir(parents=True, exist_ok=True)
    work = Path(os.environ.get("SWEEP_WORK", "/tmp/stance-sweep"))
    work.mkdir(parents=True, exist_ok=True)
    recipes = ROUNDS[round_name]
    results = {}
    with ProcessPoolExecutor(max_workers=min(len(recipes), 8), mp_context=mp.get_context("spawn")) as ex:
        futures = [ex.submit(train_one, k, v, folder, work, tiny) for k, v in recipes.items()]
        for f in futures:
            try:
                name, res = f.result()
            except Exception as e:  # noqa: BLE001 - one recipe failing leaves the others
                print("FAILED", repr(e), flush=True)
                continue
            results[name] = res
            print(name, res["seconds"], json.dumps(last(res)), flush=True)
    soups(results, SOUPS.get(round_name, {}), folder, work, tiny)
    (out / "sweep.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    best = max(results, key=lambda n: rank(results[n]))
    print("best", best, round(rank(results[best]), 4), flush=True)
    (out / "best.txt").write_text(best + "\n", encoding="utf-8")
    shutil.copy(work / best / "config.json", out / "config.json")
    pieces = []  # float16; a tensor over PIECE bytes is cut by rows into NAME::i
    for k, v in sorted(load_file(str(work / best / "model.safetensors")).items()):
        v = v.half() if v.is_floating_point() else v
        size = v.numel() * v.element_size()
        if size > PIECE:
            rows = max(1, PIECE // 2 // (size // v.shape[0]))
            pieces += [(f"{k}::{i}", v[s : s + rows]) for i, s in enumerate(range(0, v.shape[0], rows))]
        else:
            pieces.append((k, v))
    parts, cur, size = [], {}, 0
    for k, v in pieces:
        n = v.numel() * v.element_size()
        if cur and size + n > PIECE:
            parts.append(cur)
            cur, size = {}, 0
        cur[k] = v.contiguous()
        size += n
    parts.append(cur)
    for i, part in enumerate(parts):
        save_file(part, str(out / f"w{i}.safetensors"))


# --------------------------------------------------------------------------- merge
def merge(src: Path, dst: Path, folder: Path | None = None) -> None:
    import torch
    from safetensors.torch import load_file, save_file
    from transformers import AutoTokenizer

    from annotator.stance.neural.train import base_model_dir

    weights, cut = {}, {}
    for p in sorted(src.glob("w*.safetensors")):
        for k, v in load_file(str(p)).items():
            if "::" in k:
                name, i = k.split("::")
                cut.setdefault(name, {})[int(i)] = v
            else:
                weights[k] = v
    for name, parts in cut.items():
        weights[name] = torch.cat([parts[i] for i in sorted(parts)], 0)
    dst.mkdir(parents=True, exist_ok=True)
    save_file(
        {k: (v.float() if v.is_floating_point() else v).contiguous() for k, v in weights.items()},
        str(dst / "model.safetensors"),
        metadata={"format": "pt"},
    )
    shutil.copy(src / "config.json", dst / "config.json")
    AutoTokenizer.from_pretrained(base_model_dir()).save_pretrained(dst)
    best = (src / "best.txt").read_text(encoding="utf-8").strip()
    history = json.loads((src / "sweep.json").read_text(encoding="utf-8"))[best]["history"]
    (dst / "history.json").write_text(json.dumps(history, indent=1) + "\n", encoding="utf-8")
    print(f"{best}: {len(weights)} tensors -> {dst}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("folder", type=Path)
    p.add_argument("--shared", type=Path, default=Path("../shared"))
    r = sub.add_parser("run")
    r.add_argument("folder", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("--round", default="recipes", choices=sorted(ROUNDS))
    r.add_argument("--tiny", action="store_true", help="300 pairs, one epoch: check the script on a CPU")
    m = sub.add_parser("merge")
    m.add_argument("src", type=Path)
    m.add_argument("dst", type=Path)
    args = ap.parse_args()
    if args.step == "prepare":
        prepare(args.folder, args.shared)
    elif args.step == "run":
        run(args.folder, args.out, args.round, args.tiny)
    else:
        merge(args.src, args.dst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
