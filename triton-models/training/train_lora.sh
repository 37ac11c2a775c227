#!/usr/bin/env bash
# Trains a LoRA for Atelier on a GPU node with diffusers' DreamBooth-LoRA examples (see README.md).
# Usage: train_lora.sh DATASET.zip OUT_DIR FAMILY RANK STEPS LR_PRESET TRIGGER_WORD
#   FAMILY: sdxl | sd35 | flux2     LR_PRESET: low | medium | high
# Writes OUT_DIR/progress.json ({"percent": n}) while it runs and OUT_DIR/lora.safetensors at the end.
set -euo pipefail
dataset="$1" out="$2" family="$3" rank="$4" steps="$5" preset="$6" trigger="$7"
mkdir -p "$out/data"
unzip -q -o "$dataset" -d "$out/data"
case "$preset" in
  low) lr=5e-5 ;; medium) lr=1e-4 ;; high) lr=2e-4 ;; *) echo "unknown learning-rate preset $preset" >&2; exit 2 ;;
esac
case "$family" in
  sdxl) script=train_dreambooth_lora_sdxl.py; base=stabilityai/stable-diffusion-xl-base-1.0; extra=(--resolution 1024) ;;
  sd35) script=train_dreambooth_lora_sd3.py; base=stabilityai/stable-diffusion-3.5-large; extra=(--resolution 1024) ;;
  flux2) script=train_dreambooth_lora_flux.py; base=black-forest-labs/FLUX.1-dev; extra=(--resolution 1024 --guidance_scale 1) ;;
  *) echo "unknown family $family" >&2; exit 2 ;;
esac
examples="${DIFFUSERS_EXAMPLES:-/opt/diffusers/examples/dreambooth}"
echo '{"percent": 0}' > "$out/progress.json"
# diffusers logs "Steps: N%|" lines; the portal's backend reads progress.json, which this loop keeps current.
accelerate launch "$examples/$script" \
  --pretrained_model_name_or_path "$base" --instance_data_dir "$out/data" --instance_prompt "$trigger" \
  --caption_column text --output_dir "$out/model" --rank "$rank" --max_train_steps "$steps" \
  --learning_rate "$lr" --lr_scheduler constant --train_batch_size 1 --gradient_accumulation_steps 4 \
  --gradient_checkpointing --mixed_precision bf16 --seed 0 "${extra[@]}" 2>&1 \
  | while IFS= read -r line; do
      echo "$line"
      if [[ "$line" =~ ([0-9]+)%\| ]]; then echo "{\"percent\": ${BASH_REMATCH[1]}}" > "$out/progress.json"; fi
    done
cp "$out/model/pytorch_lora_weights.safetensors" "$out/lora.safetensors"
echo '{"percent": 100}' > "$out/progress.json"
