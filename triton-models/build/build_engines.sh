#!/usr/bin/env bash
# Builds the TensorRT engines of the model repository (<component>/<version>/model.plan) from the ONNX that
# export_onnx.py writes (ONNX_DIR/<component>/model.onnx). Run inside nvcr.io/nvidia/tensorrt:<yy.mm>-py3 of
# the same release as the Triton container, on the GPU type that will serve: engines are specific to the
# TensorRT version and GPU architecture. NOT run here (no GPU). check_repository.py fails if a
# tensorrt_plan model of the repository has no `engine <name>` line below.
#
#   build_engines.sh MODEL [fp16|fp8] [ONNX_DIR]            every engine of MODEL, as version 1
#   build_engines.sh MODEL PRECISION ONNX_DIR denoiser N    only the denoiser, as version N (a LoRA-merged export)
#
# MODEL: sdxl | sd35-large | flux2 | safety_checker | upscaler_4x
# fp8 (Hopper/Ada): the denoiser from <denoiser>/model.fp8.onnx (export_onnx.py --fp8); other components FP16.
# SDXL is exported in FP16 (--fp16 lets TensorRT choose FP16 kernels). SD3.5 and FLUX.2 are exported in BF16
# with FP16 inputs/outputs and built --stronglyTyped (TensorRT keeps the ONNX's types).
#
# Optimisation profiles cover the portal's sizes (ModelCatalog limits) and batches up to max_batch_size:
#   SDXL / SD3.5 denoiser (latent = image / 8; classifier-free guidance doubles the batch, up to 8):
#     profile 0: 512²..768² (latent 64..96); profile 1: 768²..1024² (96..128, opt 1024²); profile 2: 1024²..2048² (128..256)
#   FLUX.2 transformer (tokens = (image / 16)², batch up to 4):
#     profile 0: 256²..768² (256..2304 tokens); profile 1: ..1024² (2304..4096, opt 4096); profile 2: ..2048² (4096..16384)
# Non-square sizes fall in the profile of their token count / latent sides. Denoisers of refit-mode models are
# built --refittable so that refit_lora.py can write LoRA versions without a rebuild.
set -euo pipefail
model="${1:?MODEL: sdxl | sd35-large | flux2 | safety_checker | upscaler_4x}"
precision="${2:-fp16}"
onnx="${3:-onnx}"
only="${4:-all}"
version="${5:-1}"
repo="$(cd "$(dirname "$0")/../model_repository" && pwd)"
case "$precision" in fp16|fp8) ;; *) echo "precision must be fp16 or fp8" >&2; exit 2 ;; esac

# engine NAME TYPING [trtexec arguments...]; TYPING: fp16 (FP16 kernels allowed) or typed (--stronglyTyped)
engine() {
  local name="$1" typing="$2"; shift 2
  local source="$onnx/$name/model.onnx" flags=()
  if [[ "$typing" == typed ]]; then flags=(--stronglyTyped); else flags=(--fp16); fi
  if [[ "$precision" == fp8 && "$name" == "$denoiser" ]]; then
    source="$onnx/$name/model.fp8.onnx"
    # A QDQ graph: FP8 where ModelOpt put Q/DQ nodes, the rest in the exported types.
    if [[ "$typing" == fp16 ]]; then flags=(--fp16 --fp8); fi
  fi
  if [[ "$only" != all && "$name" != "$denoiser" ]]; then return 0; fi
  [[ -f "$source" ]] || { echo "missing $source: run export_onnx.py first" >&2; exit 1; }
  mkdir -p "$repo/$name/$version"
  trtexec --onnx="$source" --saveEngine="$repo/$name/$version/model.plan" "${flags[@]}" \
    --builderOptimizationLevel=4 --memPoolSize=workspace:16384 "$@"
  polygraphy inspect model "$repo/$name/$version/model.plan" > "$repo/$name/$version/model.plan.txt"
}

# shapes NAME:DIMS... -> one trtexec profile (min, opt, max) from three shape lists separated by '|'
profile() {
  local min="$1" opt="$2" max="$3"
  echo "--minShapes=$min --optShapes=$opt --maxShapes=$max"
}

denoiser=""
case "$model" in
  sdxl)
    denoiser=sdxl_unet
    unet() { # min-side opt-side max-side (latent), opt batch 2 (one image with guidance), max batch 8
      profile "sample:1x4x$1x$1,timestep:1x1,encoder_hidden_states:1x77x2048,text_embeds:1x1280,time_ids:1x6" \
              "sample:2x4x$2x$2,timestep:2x1,encoder_hidden_states:2x77x2048,text_embeds:2x1280,time_ids:2x6" \
              "sample:8x4x$3x$3,timestep:8x1,encoder_hidden_states:8x77x2048,text_embeds:8x1280,time_ids:8x6"
    }
    # trtexec takes several profiles by repeating the shape flags in order.
    # shellcheck disable=SC2046
    engine sdxl_unet fp16 --refittable $(unet 64 64 96) $(unet 96 128 128) $(unet 128 128 256)
    engine sdxl_text_encoder fp16 $(profile input_ids:1x77 input_ids:2x77 input_ids:8x77)
    engine sdxl_text_encoder_2 fp16 $(profile input_ids:1x77 input_ids:2x77 input_ids:8x77)
    engine sdxl_vae_decoder fp16 $(profile latent:1x4x64x64 latent:1x4x128x128 latent:4x4x256x256)
    ;;
  sd35-large)
    denoiser=sd35_mmdit
    mmdit() {
      profile "hidden_states:1x16x$1x$1,timestep:1x1,encoder_hidden_states:1x333x4096,pooled_projections:1x2048" \
              "hidden_states:2x16x$2x$2,timestep:2x1,encoder_hidden_states:2x333x4096,pooled_projections:2x2048" \
              "hidden_states:8x16x$3x$3,timestep:8x1,encoder_hidden_states:8x333x4096,pooled_projections:8x2048"
    }
    # shellcheck disable=SC2046
    engine sd35_mmdit typed --refittable $(mmdit 64 64 96) $(mmdit 96 128 128) $(mmdit 128 128 256)
    engine sd35_text_encoder_clip_l typed $(profile input_ids:1x77 input_ids:2x77 input_ids:8x77)
    engine sd35_text_encoder_clip_g typed $(profile input_ids:1x77 input_ids:2x77 input_ids:8x77)
    engine sd35_text_encoder_t5 typed $(profile input_ids:1x256 input_ids:2x256 input_ids:4x256)
    engine sd35_vae_decoder typed $(profile latent:1x16x64x64 latent:1x16x128x128 latent:4x16x256x256)
    ;;
  flux2)
    denoiser=flux2_transformer
    flux() { # min opt max tokens, batch up to 4
      profile "hidden_states:1x$1x128,encoder_hidden_states:1x512x15360,timestep:1x1,guidance:1x1,img_ids:1x$1x4,txt_ids:1x512x4" \
              "hidden_states:1x$2x128,encoder_hidden_states:1x512x15360,timestep:1x1,guidance:1x1,img_ids:1x$2x4,txt_ids:1x512x4" \
              "hidden_states:4x$3x128,encoder_hidden_states:4x512x15360,timestep:4x1,guidance:4x1,img_ids:4x$3x4,txt_ids:4x512x4"
    }
    # shellcheck disable=SC2046
    engine flux2_transformer typed $(flux 256 2304 2304) $(flux 2304 4096 4096) $(flux 4096 4096 16384)
    engine flux2_text_encoder typed \
      $(profile input_ids:1x512,attention_mask:1x512 input_ids:1x512,attention_mask:1x512 input_ids:4x512,attention_mask:4x512)
    engine flux2_vae_decoder typed $(profile latent:1x128x16x16 latent:1x128x64x64 latent:4x128x128x128)
    ;;
  safety_checker)
    engine safety_classifier fp16 $(profile pixel_values:1x3x224x224 pixel_values:1x3x224x224 pixel_values:8x3x224x224)
    ;;
  upscaler_4x)
    engine upscaler_4x fp16 $(profile IMAGE:1x3x64x64 IMAGE:1x3x256x256 IMAGE:4x3x512x512)
    ;;
  *)
    echo "unknown model $model" >&2; exit 2 ;;
esac
echo "engines for $model ($precision, version $version) written under $repo"
