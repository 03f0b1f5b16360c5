"""File-level stance jobs behind the CLI: label a quotes file, label a pairs file, train
from files. Each reads, calls the library, writes atomically, and reports bad lines."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from annotator.errors import InputError, ModelError
from annotator.io import Reporter, iter_jsonl, read_models, write_jsonl
from annotator.models import Article, Pair, Quote, ReviewedLabel
from annotator.stance.codebook import load_codebook
from annotator.stance.engine import load_engine
from annotator.stance.predict import predict_pairs, predict_quotes


def default_base_data() -> Path | None:
    env = os.environ.get("ANNOTATOR_STANCE_DATA")
    if env:
        return Path(env)
    from annotator.paths import SHARED_STANCE

    train = SHARED_STANCE / "train.jsonl"
    return train if train.exists() else None


def read_pairs(path: Path, reporter: Reporter) -> list[Pair]:
    pairs = []
    for n, obj in iter_jsonl(path, reporter):
        q, t = obj.get("question"), obj.get("text")
        if (
            not isinstance(q, str)
            or not isinstance(t, str)
            or not q.strip()
            or not t.strip()
            or "id" not in obj
        ):
            reporter.skip(
                f'{path}:{n}: a pair needs "id", "question" and "text" (non-empty strings); skipped'
            )
            continue
        pairs.append(Pair(id=str(obj["id"]), question=obj["question"], text=obj["text"]))
    return pairs


def label_pairs(
    path: Path, output: Path, model_path: Path | None, reporter: Reporter, engine: str | None = None
) -> int:
    model = load_engine(engine, model_path)
    preds = predict_pairs(read_pairs(path, reporter), model)
    return write_jsonl(output, preds)


def label_quotes(
    path: Path,
    codebook_path: Path,
    output: Path,
    model_path: Path | None,
    article_paths: Sequence[Path],
    reporter: Reporter,
    engine: str | None = None,
) -> int:
    codebook = load_codebook(codebook_path)
    model = load_engine(engine, model_path)
    quotes = list(read_models(path, Quote, reporter))
    articles: dict[str, Article] = {}
    if article_paths:
        from annotator.ingest import iter_articles

        articles = {a.id: a for a in iter_articles(article_paths, reporter)}
    return write_jsonl(output, predict_quotes(quotes, codebook, model, articles))


def engine_for_output(engine: str | None, output: Path) -> str:
    """The engine `annotator train` builds: --engine, else by the file name (.npz: fast,
    .zip or anything else: neural)."""
    if engine is not None:
        return engine
    return "fast" if output.suffix.lower() == ".npz" else "neural"


def train(
    reviewed_path: Path | None,
    pair_paths: Sequence[Path],
    base: bool,
    codebook_path: Path | None,
    output: Path,
    review_weight: float,
    cv: bool,
    reporter: Reporter,
    engine: str | None = None,
    model_path: Path | None = None,
    force: bool = False,
    dev_path: Path | None = None,
    tuning: dict | None = None,
    init: Path | None = None,
) -> Iterator[str]:
    """`annotator train`: the fast engine (TF-IDF) from public pairs and/or reviews; the
    neural engine from public pairs (fine-tuning, needs the `train` extra) or a reviewed-labels
    head on an existing engine (no extra needed)."""
    kind = engine_for_output(engine, output)
    if kind == "neural":
        yield from _train_neural(
            reviewed_path,
            pair_paths,
            base,
            codebook_path,
            output,
            reporter,
            model_path,
            force,
            dev_path,
            tuning or {},
            init,
        )
        return
    if tuning or init is not None:
        raise InputError(
            "--epochs, --lr, --augment, --device and --init are for fine-tuning the neural engine (-o x.zip)"
        )
    yield from _train_fast(
        reviewed_path, pair_paths, base, codebook_path, output, review_weight, cv, reporter
    )


def _train_neural(
    reviewed_path: Path | None,
    pair_paths: Sequence[Path],
    base: bool,
    codebook_path: Path | None,
    output: Path,
    reporter: Reporter,
    model_path: Path | None,
    force: bool,
    dev_path: Path | None,
    tuning: dict,
    init: Path | None,
) -> Iterator[str]:
    if reviewed_path is None:
        pair_paths = list(pair_paths)
        if base and not pair_paths:
            found = default_base_data()
            if found is None:
                raise InputError(
                    "--base needs the public pairs: pass --pairs FILE or set ANNOTATOR_STANCE_DATA"
                )
            pair_paths = [found]
        if not pair_paths:
            raise InputError(
                "nothing to train on: give --pairs FILE (public pairs) or a reviewed labels file"
            )
        try:
            from annotator.stance.neural.train import TrainConfig, train_neural
        except ImportError:
            raise InputError(
                "fine-tuning the neural engine needs the training extra: pip install -e '.[train]' "
                "(or train the fast engine: -o model.npz)"
            ) from None
        if init is not None and not (Path(init) / "config.json").exists():
            raise InputError(
                f"{init}: not a fine-tuned model folder (no config.json); give an earlier run's work/hf"
            )
        manifest = train_neural(
            pair_paths,
            output,
            output.parent / f".{output.stem}-work",
            dev_path,
            TrainConfig(**tuning),
            init_dir=Path(init) if init is not None else None,
            log=lambda line: print(line, file=sys.stderr, flush=True),
        )
        yield f"metrics on the dev pairs: {manifest.get('metrics', {})}"
        yield f"wrote {output} (version {manifest.get('version')})"
        return
    if codebook_path is None:
        raise InputError("training from reviewed labels needs --codebook FILE (the questions' text)")
    from annotator.stance.asking import ask, other_side
    from annotator.stance.neural.head import REVIEW_CLASS, fit_head, review_cv
    from annotator.stance.neural.runtime import NeuralEngine
    from annotator.stance.relevance import strip_quote_marks

    codebook = load_codebook(codebook_path)
    questions = {q.id: q for q in codebook.questions}
    base_engine = NeuralEngine.load(model_path)
    items = []
    for lab in read_models(reviewed_path, ReviewedLabel, reporter):
        q = questions.get(lab.question)
        if q is None or lab.label not in REVIEW_CLASS or not lab.text:
            if q is None or not lab.text:
                reporter.skip(
                    f"{reviewed_path}: label {lab.quote_id}/{lab.question}: "
                    + ("question not in the codebook" if q is None else "no quote text")
                    + "; skipped"
                )
            continue
        # asked as the engine is asked it; a question asked in its positive form learns the other side
        asked, flipped = ask(q.text)
        label = other_side(lab.label) if flipped else lab.label
        items.append((asked, strip_quote_marks(lab.text), REVIEW_CLASS[label]))
    if len(items) < 2:
        raise InputError(f"{reviewed_path}: fewer than 2 usable reviewed labels; review more quotes first")
    logits = base_engine.logits([(q, t) for q, t, _ in items])
    qs, ys = [q for q, _, _ in items], [y for _, _, y in items]
    before, after = review_cv(logits, qs, ys)
    yield (
        f"reviewed items: {len(items)} over {len(set(qs))} questions; engine alone macro-F1 {before['macro_f1']:.4f} "
        f"(accuracy {before['accuracy']:.4f}); with the reviews, 3-fold CV macro-F1 {after['macro_f1']:.4f} "
        f"(accuracy {after['accuracy']:.4f})"
    )
    if after["macro_f1"] < before["macro_f1"] and not force:
        raise ModelError(
            f"learning from these {len(items)} reviews lowers the reviewed-item macro-F1 "
            f"({before['macro_f1']:.4f} -> {after['macro_f1']:.4f}); nothing written. Review more "
            "quotes, or pass --force to write it anyway"
        )
    head = fit_head(logits, qs, ys)
    note = {
        "reviewed_labels": len(items),
        "codebook_sha": codebook.digest,
        "cv_before": before,
        "cv_after": after,
    }
    base_engine.with_head(head, note).save(output)
    yield f"wrote {output} (version {NeuralEngine.load(output).version})"


def _train_fast(
    reviewed_path: Path | None,
    pair_paths: Sequence[Path],
    base: bool,
    codebook_path: Path | None,
    output: Path,
    review_weight: float,
    cv: bool,
    reporter: Reporter,
) -> Iterator[str]:
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
    model, report = train_model(
        pair_paths,
        reviewed,
        codebook,
        base=bool(pair_paths),
        review_weight=review_weight,
        cv=cv,
        reporter=reporter,
    )
    model.save(output)
    yield from report.lines()
    yield f"wrote {output} (version {model.version})"
