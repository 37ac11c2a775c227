#!/usr/bin/env python3
"""Refits a refittable TensorRT denoiser engine with LoRA-merged weights, without rebuilding it, and
writes the result as a new version of the denoiser ("refit" LoRA mode: sdxl, sd35-large).

    python export_onnx.py --model sdxl --lora ink-sketch.safetensors:0.8 --out onnx-ink/
    python refit_lora.py --engine ../model_repository/sdxl_unet/1/model.plan \
        --onnx onnx-ink/sdxl_unet/model.onnx --out ../model_repository/sdxl_unet/2/model.plan \
        --pipeline sdxl --adapter ink-sketch=0.8

The base engine (version 1, built --refittable by build_engines.sh) stays for requests without that
adapter; --pipeline/--adapter register version 2 in the pipeline's loras.json (lora_manifest.py).
Refit takes seconds to a minute; a rebuild takes many minutes. Run on the GPU type that serves.
"""
import argparse
import pathlib

from lora_manifest import register


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", required=True, help="the refittable base engine")
    parser.add_argument("--onnx", required=True, help="ONNX of the same network with LoRA-merged weights")
    parser.add_argument("--out", required=True, type=pathlib.Path, help="<denoiser>/<version>/model.plan")
    parser.add_argument("--pipeline", help="register the version in this pipeline's loras.json")
    parser.add_argument("--adapter", action="append", default=[], help="NAME=WEIGHT merged into --onnx")
    args = parser.parse_args()

    import tensorrt as trt  # only on the GPU machine, so that --help works anywhere

    logger = trt.Logger(trt.Logger.WARNING)
    with open(args.engine, "rb") as f:
        engine = trt.Runtime(logger).deserialize_cuda_engine(f.read())
    refitter = trt.Refitter(engine, logger)
    parser_refit = trt.OnnxParserRefitter(refitter, logger)
    if not parser_refit.refit_from_file(args.onnx):
        raise SystemExit("ONNX weights do not match the engine's refittable weights")
    if not refitter.refit_cuda_engine():
        raise SystemExit("refit failed: missing weights " + ", ".join(refitter.get_missing_weights()))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "wb") as f:
        f.write(engine.serialize())
    print(f"refitted engine written to {args.out}")
    if args.pipeline:
        register(args.pipeline, int(args.out.parent.name),
                 {name: float(weight) for name, weight in (a.split("=", 1) for a in args.adapter)})


if __name__ == "__main__":
    main()
