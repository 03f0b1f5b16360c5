#!/usr/bin/env python3
"""Score `annotator stance --pairs` predictions on ../shared/data/stance/dev.jsonl by source,
with ../shared/eval/score_stance.py (pro/con sources together and each; VAST 3-class).

    .venv/bin/python scripts/stance_dev_eval.py [--model M] [--dev FILE]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GROUPS = {"pro/con (argkp+perspectrum+claimstance)": {"argkp", "perspectrum", "claimstance"},
          "argkp": {"argkp"}, "perspectrum": {"perspectrum"}, "claimstance": {"claimstance"}, "vast": {"vast"}}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model")
    ap.add_argument("--dev", default=str(SHARED / "data" / "stance" / "dev.jsonl"))
    args = ap.parse_args()
    with open(args.dev, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        cmd = [str(ROOT / ".venv" / "bin" / "annotator"), "stance", "--pairs", args.dev, "-o", str(pred)]
        if args.model:
            cmd += ["--model", args.model]
        subprocess.run(cmd, check=True)
        for name, sources in GROUPS.items():
            gold = Path(tmp) / "gold.jsonl"
            gold.write_text("".join(json.dumps(r) + "\n" for r in rows if r["source"] in sources))
            out = subprocess.run([sys.executable, str(SHARED / "eval" / "score_stance.py"), "pairs", str(gold),
                                  str(pred), "--json"], capture_output=True, text=True, check=True)
            res = json.loads(out.stdout)
            per = {k: v["f1"] for k, v in res["per_label"].items()}
            print(f"{name:42} n={res['pairs']:5} macro-F1 {res['macro_f1']:.4f} acc {res['accuracy']:.4f} {per}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
