"""From a fine-tuned transformers folder to a shipped engine file (needs the `train` extra).

1. export the model to ONNX (opset 17, dynamic batch and sequence axes);
2. quantise its weights to int8 (onnxruntime dynamic quantisation): about 4x smaller and
   2-3x faster on a CPU, at a small cost in F1 that the manifest records;
3. measure the quantised engine on the dev pairs with the run-time code;
4. write the zip: model.onnx, tokenizer.json, manifest.json (with the members' SHA-256).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.stance.neural.runtime import NeuralEngine, dev_metrics, write_engine


def export_onnx(hf_dir: Path, onnx_path: Path) -> Path:
    """The transformers model in `hf_dir` as an fp32 ONNX graph."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    model = AutoModelForSequenceClassification.from_pretrained(hf_dir).eval()
    tok = AutoTokenizer.from_pretrained(hf_dir)
    enc = tok(["Should cities ban cars?"], ["Cars clog the streets."], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    onnx_path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(
            model,
            tuple(enc[n] for n in names),
            str(onnx_path),
            input_names=names,
            output_names=["logits"],
            dynamic_axes={**{n: {0: "batch", 1: "sequence"} for n in names}, "logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
    return onnx_path


def quantise(onnx_path: Path, out_path: Path) -> Path:
    """int8 dynamic quantisation of the weights of MatMul/Gemm nodes and the embedding tables."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(onnx_path),
        str(out_path),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul", "Gemm", "Gather"],
    )
    return out_path


def build_engine_file(
    hf_dir: Path,
    output: Path,
    work: Path,
    manifest: dict,
    dev_rows: Sequence[dict] = (),
    log: Callable[[str], None] = print,
) -> dict:
    """Export, quantise, measure on the dev pairs, write the engine file; return its manifest."""
    work.mkdir(parents=True, exist_ok=True)
    fp32 = export_onnx(hf_dir, work / "model-fp32.onnx")
    int8 = quantise(fp32, work / "model-int8.onnx")
    tokenizer_json = (hf_dir / "tokenizer.json").read_bytes()
    write_engine(output, int8.read_bytes(), tokenizer_json, manifest)
    engine = NeuralEngine.load(output)
    metrics = {}
    if dev_rows:
        t0 = time.process_time()
        probs = engine.probs([(r["question"], r["text"]) for r in dev_rows])
        cpu = time.process_time() - t0
        metrics = dev_metrics(probs, dev_rows)
        metrics["dev_pairs"] = len(dev_rows)
        metrics["pairs_per_cpu_second"] = round(len(dev_rows) / max(cpu, 1e-9), 1)
        log(f"int8 engine on dev: {json.dumps(metrics)}")
    manifest = {**manifest, "metrics": metrics}
    write_engine(output, int8.read_bytes(), tokenizer_json, manifest)
    return NeuralEngine.load(output).manifest


__all__ = ["build_engine_file", "export_onnx", "quantise"]
