#!/usr/bin/env python3
"""Refits a refittable TensorRT denoiser engine with LoRA-merged weights, without rebuilding it.

    python refit_lora.py --engine ../model_repository/sdxl_unet/1/model.plan \
        --onnx onnx/sdxl_unet_ink-sketch.onnx --out ../model_repository/sdxl_unet/2/model.plan

The ONNX with merged weights comes from export_onnx.py --lora PATH:WEIGHT. Writing the refitted
engine as a new version directory lets Triton load it next to the base one (version_policy) and keeps
the base engine for requests without that adapter. Refit takes seconds; a rebuild takes minutes.
"""
import argparse

import tensorrt as trt


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", required=True)
    parser.add_argument("--onnx", required=True, help="ONNX of the same network with LoRA-merged weights")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    logger = trt.Logger(trt.Logger.WARNING)
    with open(args.engine, "rb") as f:
        engine = trt.Runtime(logger).deserialize_cuda_engine(f.read())
    refitter = trt.Refitter(engine, logger)
    parser_refit = trt.OnnxParserRefitter(refitter, logger)
    if not parser_refit.refit_from_file(args.onnx):
        raise SystemExit("ONNX weights do not match the engine's refittable weights")
    if not refitter.refit_cuda_engine():
        raise SystemExit("refit failed: missing weights " + ", ".join(refitter.get_missing_weights()))
    with open(args.out, "wb") as f:
        f.write(engine.serialize())
    print(f"refitted engine written to {args.out}")


if __name__ == "__main__":
    main()
