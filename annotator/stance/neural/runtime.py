"""The neural stance engine at run time: onnxruntime and tokenizers, no torch.

An engine file is one zip archive (stored, not compressed) holding:

- `model.onnx`: the fine-tuned cross-encoder, int8-quantised; inputs input_ids,
  attention_mask, token_type_ids; outputs the logits of (none, oppose, support);
- `tokenizer.json`: its WordPiece tokenizer;
- `manifest.json`: format, base model and its hash, data hashes, the training command and
  config, dev metrics, and the SHA-256 of the other members (checked at load: a changed or
  damaged file is refused);
- optionally `head.npz`: a reviewed-labels adjustment (`annotator train REVIEWED.jsonl`),
  pickle-free arrays applied to the logits.

    engine = NeuralEngine.load()              # the one shipped with the package
    probs = engine.probs([("Should X be banned?", "Banning X would save lives.")])
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from annotator.errors import ModelError

FORMAT = "annotator-neural-stance/1"
DEFAULT_ENGINE_NAME = "stance-neural.zip"
LABELS = ("none", "oppose", "support")
MEMBERS = ("model.onnx", "tokenizer.json")
#: a pair is "neutral" when P(none) is at least this (else support or oppose, whichever is larger)
NONE_THRESHOLD = 0.5


def decide_pair(p: Sequence[float], none_threshold: float = NONE_THRESHOLD) -> tuple[str, float]:
    """(label, confidence) for a pair from its probabilities (none, oppose, support)."""
    p_none, p_opp, p_sup = (float(x) for x in p)
    if p_none >= none_threshold:
        return "neutral", p_none
    side = p_opp + p_sup
    if p_sup >= p_opp:
        return "support", p_sup / side if side else 0.5
    return "oppose", p_opp / side if side else 0.5


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def default_threads() -> int:
    """Threads for one engine: ANNOTATOR_THREADS, else 1 (runs parallelise over processes)."""
    try:
        return max(1, int(os.environ.get("ANNOTATOR_THREADS", "1")))
    except ValueError:
        return 1


class NeuralEngine:
    """A cross-encoder stance engine read from an engine file."""

    name = "neural"

    def __init__(
        self,
        model_bytes: bytes,
        tokenizer_json: str,
        manifest: dict,
        path: Path | None = None,
        head: dict[str, np.ndarray] | None = None,
        threads: int | None = None,
    ):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.manifest = manifest
        self._model_bytes = model_bytes
        self._tokenizer_json = tokenizer_json
        self.path = path
        self.head = head or {}
        self.max_length = int(manifest.get("config", {}).get("max_length", 128))
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or default_threads()
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.add_session_config_entry("session.x64quantprecision", "1")
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(
            model_bytes, sess_options=opts, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self.session.get_inputs()}
        tok = Tokenizer.from_str(tokenizer_json)
        tok.enable_truncation(max_length=self.max_length, strategy="longest_first")
        tok.no_padding()
        self.tokenizer = tok

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path | str | None = None, threads: int | None = None) -> NeuralEngine:
        """Load an engine file (None: the one shipped with the package)."""
        from annotator.paths import MODEL_DIR

        path = Path(path) if path is not None else MODEL_DIR / DEFAULT_ENGINE_NAME
        if not path.exists():
            raise ModelError(
                f"{path}: no such stance engine file; train one with `annotator train --engine neural` "
                "or leave out --model to use the bundled one"
            )
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
                if "manifest.json" not in names:
                    raise ModelError(
                        f"{path}: no manifest.json inside; not an engine written by `annotator train`"
                    )
                manifest = json.loads(z.read("manifest.json").decode("utf-8"))
                members = {n: z.read(n) for n in MEMBERS if n in names}
                head_bytes = z.read("head.npz") if "head.npz" in names else None
        except (zipfile.BadZipFile, OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ModelError(
                f"{path}: not a neural stance engine file ({type(e).__name__}); only files written "
                "by `annotator train --engine neural` are accepted"
            ) from None
        if manifest.get("format") != FORMAT:
            raise ModelError(
                f"{path}: engine format {manifest.get('format')!r} does not match this annotator "
                f"({FORMAT}); retrain with `annotator train --engine neural`"
            )
        sums = manifest.get("sha256", {})
        for name in MEMBERS:
            if name not in members:
                raise ModelError(f"{path}: {name} is missing from the engine file; retrain it")
            if sums.get(name) != _sha256(members[name]):
                raise ModelError(
                    f"{path}: {name} does not match its checksum (changed or damaged after "
                    "training); retrain it or restore the original file"
                )
        head = None
        if head_bytes is not None:
            if sums.get("head.npz") != _sha256(head_bytes):
                raise ModelError(f"{path}: head.npz does not match its checksum; retrain it")
            with np.load(io.BytesIO(head_bytes), allow_pickle=False) as z:
                head = {k: z[k] for k in z.files}
        try:
            return cls(
                members["model.onnx"],
                members["tokenizer.json"].decode("utf-8"),
                manifest,
                path,
                head,
                threads,
            )
        except ModelError:
            raise
        except Exception as e:  # noqa: BLE001 - onnxruntime and tokenizers raise their own types
            raise ModelError(
                f"{path}: the engine could not be loaded ({type(e).__name__}: {e}); retrain it"
            ) from None

    def with_head(self, head: dict[str, np.ndarray], note: dict | None = None) -> NeuralEngine:
        """A copy of this engine with a reviewed-labels head (see `annotator.stance.neural.head`)."""
        manifest = {**self.manifest, "reviewed": note or {}}
        manifest.pop("version", None)
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__)
        copy.manifest, copy.head = manifest, head
        return copy

    @property
    def version(self) -> str:
        return str(
            self.manifest.get("version")
            or "neural-" + self.manifest.get("sha256", {}).get("model.onnx", "")[:10]
        )

    # --------------------------------------------------------------- prediction
    def logits(self, pairs: Sequence[tuple[str, str]], batch_size: int = 1) -> np.ndarray:
        """The logits (none, oppose, support) per (question, text) pair, in input order, the
        training set's lean to one side taken out (`side_offsets`).

        One pair a run by default: the int8 model quantises its activations with one scale per
        batch, so a pair run with others gets logits that depend on them (by up to 0.3 here).
        Alone, a quote's label never depends on the quotes beside it, and no padding is
        computed (measured: 263 pairs/s alone against 296 in batches of 32)."""
        n = len(pairs)
        out = np.zeros((n, len(LABELS)), dtype=np.float32)
        if not n:
            return out
        encs = self.tokenizer.encode_batch([(q, t) for q, t in pairs])
        order = sorted(range(n), key=lambda i: len(encs[i].ids))
        for s in range(0, n, batch_size):
            b = order[s : s + batch_size]
            width = max(len(encs[i].ids) for i in b)
            ids = np.zeros((len(b), width), dtype=np.int64)
            types = np.zeros((len(b), width), dtype=np.int64)
            mask = np.zeros((len(b), width), dtype=np.int64)
            for r, i in enumerate(b):
                e = encs[i]
                k = len(e.ids)
                ids[r, :k] = e.ids
                types[r, :k] = e.type_ids
                mask[r, :k] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            out[b] = self.session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
        return out + self.side_offsets

    @property
    def side_offsets(self) -> np.ndarray:
        """What `logits` adds to the raw logits: the training set's lean to one side taken out.

        The augmented training pairs held a few more support than oppose pairs (the manifest's
        `training_labels`), and a classifier learns that lean as a prior. The logits of the
        two sides are moved by half the log ratio of their counts each, in opposite
        directions, so that P(support) / P(oppose) no longer carries it and P(none) barely
        moves (the standard prior correction, its size from the training data alone). An
        engine whose manifest has no counts is read as it is."""
        counts = self.manifest.get("training_labels") or {}
        n_opp, n_sup = counts.get("oppose", 0), counts.get("support", 0)
        out = np.zeros(len(LABELS), dtype=np.float32)
        if n_opp > 0 and n_sup > 0:
            half = 0.5 * float(np.log(n_sup / n_opp))
            out[LABELS.index("oppose")] = half
            out[LABELS.index("support")] = -half
        return out

    def pair_probs(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The StanceEngine interface: `probs`."""
        return self.probs(pairs)

    def save(self, path: Path | str) -> Path:
        """Write this engine (and its reviewed-labels head, if any) as an engine file."""
        head = None
        if self.head:
            buf = io.BytesIO()
            np.savez(buf, **self.head)
            head = buf.getvalue()
        manifest = {k: v for k, v in self.manifest.items() if k not in ("sha256", "format", "labels")}
        return write_engine(
            Path(path), self._model_bytes, self._tokenizer_json.encode("utf-8"), manifest, head
        )

    def probs(self, pairs: Sequence[tuple[str, str]], batch_size: int = 1) -> np.ndarray:
        """P(none), P(oppose), P(support) per pair (a reviewed-labels head applied when present)."""
        z = self.logits(pairs, batch_size)
        if self.head:
            from annotator.stance.neural.head import apply_head

            z = apply_head(z, [q for q, _ in pairs], self.head)
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


def write_engine(
    output: Path, model_bytes: bytes, tokenizer_json: bytes, manifest: dict, head: bytes | None = None
) -> Path:
    """The engine zip, written atomically; the manifest gets the members' SHA-256."""
    from annotator.io import atomic_write

    members = {"model.onnx": model_bytes, "tokenizer.json": tokenizer_json}
    if head is not None:
        members["head.npz"] = head
    manifest = {
        **manifest,
        "format": FORMAT,
        "labels": list(LABELS),
        "sha256": {k: hashlib.sha256(v).hexdigest() for k, v in members.items()},
    }
    manifest.setdefault(
        "version",
        "neural-"
        + manifest["sha256"]["model.onnx"][:10]
        + ("-r" + manifest["sha256"]["head.npz"][:6] if "head.npz" in members else ""),
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(output, "wb") as fh, zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as z:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, data)
        info = zipfile.ZipInfo("manifest.json", date_time=(2020, 1, 1, 0, 0, 0))
        z.writestr(info, json.dumps(manifest, indent=2, sort_keys=True).encode())
    output.chmod(0o644)
    return output


def dev_metrics(probs, rows: Sequence[dict]) -> dict:
    """Pair scores the README reports: pro/con macro-F1 (sources other than VAST) and VAST
    three-class macro-F1, with the engine's own decision rule (`decide_pair`)."""

    def macro_f1(gold, pred):
        labels = sorted(set(gold))
        f1s = []
        for lab in labels:
            tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
            fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
            fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
            pr = tp / (tp + fp) if tp + fp else 0.0
            rc = tp / (tp + fn) if tp + fn else 0.0
            f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
        return round(sum(f1s) / len(f1s), 4)

    pred = [decide_pair(p)[0] for p in probs]
    out = {}
    for name, keep in (
        ("procon_macro_f1", lambda r: r["source"] != "vast"),
        ("vast_macro_f1", lambda r: r["source"] == "vast"),
    ):
        idx = [i for i, r in enumerate(rows) if keep(r)]
        if idx:
            out[name] = macro_f1([rows[i]["stance"] for i in idx], [pred[i] for i in idx])
    return out


__all__ = [
    "DEFAULT_ENGINE_NAME",
    "FORMAT",
    "LABELS",
    "NONE_THRESHOLD",
    "NeuralEngine",
    "decide_pair",
    "dev_metrics",
    "write_engine",
]
