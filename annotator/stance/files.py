"""File-level stance jobs behind the CLI: label a quotes file, label a pairs file, train
from files. Each reads, calls the library, writes atomically, and reports bad lines."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from annotator.errors import InputError
from annotator.io import Reporter, iter_jsonl, read_models, write_jsonl
from annotator.models import Article, Pair, Quote, ReviewedLabel
from annotator.stance.codebook import load_codebook
from annotator.stance.model import StanceModel
from annotator.stance.predict import predict_pairs, predict_quotes

SHARED_TRAIN = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "stance" / "train.jsonl"


def default_base_data() -> Path | None:
    env = os.environ.get("ANNOTATOR_STANCE_DATA")
    if env:
        return Path(env)
    return SHARED_TRAIN if SHARED_TRAIN.exists() else None


def read_pairs(path: Path, reporter: Reporter) -> list[Pair]:
    pairs = []
    for n, obj in iter_jsonl(path, reporter):
        if not isinstance(obj.get("question"), str) or not isinstance(obj.get("text"), str) or "id" not in obj:
            reporter.skip(f"{path}:{n}: a pair needs \"id\", \"question\" and \"text\" (strings); skipped")
            continue
        pairs.append(Pair(id=str(obj["id"]), question=obj["question"], text=obj["text"]))
    return pairs


def label_pairs(path: Path, output: Path, model_path: Path | None, reporter: Reporter) -> int:
    model = StanceModel.load(model_path)
    preds = predict_pairs(read_pairs(path, reporter), model)
    return write_jsonl(output, preds)


def label_quotes(path: Path, codebook_path: Path, output: Path, model_path: Path | None,
                 article_paths: Sequence[Path], reporter: Reporter) -> int:
    codebook = load_codebook(codebook_path)
    model = StanceModel.load(model_path)
    quotes = list(read_models(path, Quote, reporter))
    articles: dict[str, Article] = {}
    if article_paths:
        from annotator.ingest import iter_articles

        articles = {a.id: a for a in iter_articles(article_paths, reporter)}
    return write_jsonl(output, predict_quotes(quotes, codebook, model, articles))


def train(reviewed_path: Path | None, pair_paths: Sequence[Path], base: bool, codebook_path: Path | None,
          output: Path, review_weight: float, cv: bool, reporter: Reporter) -> Iterator[str]:
    from annotator.stance.train import train_model

    pair_paths = list(pair_paths)
    if base and not pair_paths:
        found = default_base_data()
        if found is None:
            raise InputError("--base needs the public pairs: pass --pairs FILE or set ANNOTATOR_STANCE_DATA")
        pair_paths = [found]
    reviewed: list[ReviewedLabel] = []
    codebook = None
    if reviewed_path is not None:
        if codebook_path is None:
            raise InputError("training from reviewed labels needs --codebook FILE (the questions' text)")
        codebook = load_codebook(codebook_path)
        reviewed = list(read_models(reviewed_path, ReviewedLabel, reporter))
        if not pair_paths:
            yield "no --pairs/--base: training on the reviewed labels alone"
    if not pair_paths and not reviewed:
        raise InputError("nothing to train on: give --pairs FILE, --base, or a reviewed labels file")
    model, report = train_model(pair_paths, reviewed, codebook, base=bool(pair_paths),
                                review_weight=review_weight, cv=cv, reporter=reporter)
    model.save(output)
    yield from report.lines()
    yield f"wrote {output} (version {model.version})"
