#!/usr/bin/env bash
# Builds TensorRT engines from the ONNX exports into the model repository (<component>/1/model.plan).
# Run inside nvcr.io/nvidia/tensorrt:<same release as the Triton container> on the target GPU type:
# engines are specific to the GPU architecture and TensorRT version. NOT run in CI (no GPU here).
#
#   build_engines.sh sdxl [fp16|fp8] [onnx-dir]
#
# Optimisation profiles (latent = image/8; batch doubles with classifier-free guidance):
#   profile 0: 512²..768²     (latent 64..96)
#   profile 1: 768²..1024²    (latent 96..128), opt 1024²
#   profile 2: 1024²..2048²   (latent 128..256)
# --refittable keeps weights refittable so that refit_lora.py can swap LoRA-merged weights in place.
set -euo pipefail
model="${1:?model: sdxl}"
precision="${2:-fp16}"
onnx="${3:-onnx}"
repo="$(cd "$(dirname "$0")/../model_repository" && pwd)"

case "$precision" in
  fp16) flags=(--fp16) ;;
  # FP8 (Hopper/Ada): quantise the ONNX first with NVIDIA ModelOpt (python -m modelopt.onnx.quantization
  # --quantize_mode fp8), then build with FP8 and FP16 kernels enabled.
  fp8) flags=(--fp16 --fp8) ;;
  *) echo "precision must be fp16 or fp8" >&2; exit 2 ;;
esac

engine() { # name, extra trtexec arguments...
  local name="$1"; shift
  mkdir -p "$repo/$name/1"
  trtexec --onnx="$onnx/$name.onnx" --saveEngine="$repo/$name/1/model.plan" \
    "${flags[@]}" --builderOptimizationLevel=4 --memPoolSize=workspace:8192 "$@"
  polygraphy inspect model "$repo/$name/1/model.plan" --show layers=false > "$repo/$name/1/model.plan.txt"
}

case "$model" in
  sdxl)
    engine sdxl_text_encoder --minShapes=input_ids:1x77 --optShapes=input_ids:2x77 --maxShapes=input_ids:8x77
    engine sdxl_text_encoder_2 --minShapes=input_ids:1x77 --optShapes=input_ids:2x77 --maxShapes=input_ids:8x77
    unet_profile() { # min opt max latent side, max batch 8
      echo "--minShapes=sample:1x4x$1x$1,timestep:1x1,encoder_hidden_states:1x77x2048,text_embeds:1x1280,time_ids:1x6" \
           "--optShapes=sample:2x4x$2x$2,timestep:2x1,encoder_hidden_states:2x77x2048,text_embeds:2x1280,time_ids:2x6" \
           "--maxShapes=sample:8x4x$3x$3,timestep:8x1,encoder_hidden_states:8x77x2048,text_embeds:8x1280,time_ids:8x6"
    }
    # trtexec takes several profiles by repeating the shape flags in order.
    # shellcheck disable=SC2046
    engine sdxl_unet --refittable $(unet_profile 64 64 96) $(unet_profile 96 128 128) $(unet_profile 128 128 256)
    engine sdxl_vae_decoder --minShapes=latent:1x4x64x64 --optShapes=latent:1x4x128x128 --maxShapes=latent:4x4x256x256
    ;;
  upscaler_4x)
    engine upscaler_4x --minShapes=IMAGE:1x3x64x64 --optShapes=IMAGE:1x3x256x256 --maxShapes=IMAGE:4x3x512x512
    ;;
  *)
    echo "engine recipe for $model not scripted yet (see ../README.md)" >&2; exit 2 ;;
esac
echo "engines for $model ($precision) written under $repo"
