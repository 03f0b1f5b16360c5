#!/usr/bin/env bash
# Reproduce the README's evaluation table with the shared scorers (../shared/eval).
# Usage: scripts/evaluate.sh [SHARED_DIR]   (default ../shared). Writes to a temp folder.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
tmp="$(mktemp -d)"
py=python3

echo "== seed: quotes and speakers"
annotator run --out "$tmp/seed" -q
$py "$shared/eval/score_quotes.py" "$shared/gold/seed_quotes.jsonl" "$tmp/seed/quotes.jsonl" --json
echo "== seed: stances and matrix"
$py "$shared/eval/score_stance.py" seed "$shared/gold/seed_gold.json" --quotes "$tmp/seed/quotes.jsonl" \
  --matrix "$tmp/seed/matrix.jsonl" --json

echo "== PolNeAR dev: quotes and speakers"
annotator quotes "$shared/data/attribution/polnear_dev.jsonl" -q -o "$tmp/polnear.jsonl"
$py "$shared/eval/score_quotes.py" "$shared/data/attribution/polnear_dev.jsonl" "$tmp/polnear.jsonl" --json

echo "== stance pairs (dev): pro/con sources and VAST"
$py - "$shared/data/stance/dev.jsonl" "$tmp" <<'PY'
import json, sys
src, tmp = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(src, encoding="utf-8")]
for name, keep in (("procon", lambda r: r["source"] != "vast"), ("vast", lambda r: r["source"] == "vast")):
    with open(f"{tmp}/{name}_gold.jsonl", "w", encoding="utf-8") as g, open(f"{tmp}/{name}_in.jsonl", "w", encoding="utf-8") as i:
        for r in filter(keep, rows):
            g.write(json.dumps(r) + "\n")
            i.write(json.dumps({"id": r["id"], "question": r["question"], "text": r["text"]}) + "\n")
PY
for part in procon vast; do
  annotator stance --pairs "$tmp/${part}_in.jsonl" -o "$tmp/${part}_pred.jsonl" >/dev/null 2>&1
  echo "-- $part"
  $py "$shared/eval/score_stance.py" pairs "$tmp/${part}_gold.jsonl" "$tmp/${part}_pred.jsonl" --json
done
echo "outputs in $tmp"
