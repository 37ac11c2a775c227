#!/usr/bin/env python3
"""Exports the components of a text-to-image pipeline to ONNX for TensorRT.

Run on a GPU machine inside the TensorRT/PyTorch container (see ../README.md). NOT run in CI: this
repository's machines have no GPU. Tensor names match ../model_repository/<component>/config.pbtxt.

    python export_onnx.py --model sdxl --out onnx/ [--lora ink-sketch.safetensors:0.8]

--lora pre-merges adapters into the denoiser weights (the "premerged" LoRA mode); for per-request
LoRAs use refit_lora.py against an engine built with --refittable instead.
"""
import argparse
import pathlib

import torch

SOURCES = {
    "sdxl": "stabilityai/stable-diffusion-xl-base-1.0",
    "sd35-large": "stabilityai/stable-diffusion-3.5-large",
    "flux2": "black-forest-labs/FLUX.2-dev",
}
OPSET = 18


def load(model: str):
    from diffusers import DiffusionPipeline
    return DiffusionPipeline.from_pretrained(SOURCES[model], torch_dtype=torch.float16).to("cuda")


def export(module, args, path, inputs, outputs, dynamic_axes):
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(module, args, str(path), input_names=inputs, output_names=outputs,
                      dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True)
    print(f"exported {path}")


def export_sdxl(pipe, out: pathlib.Path):
    ids = torch.zeros(1, 77, dtype=torch.int32, device="cuda")
    export(pipe.text_encoder, (ids,), out / "sdxl_text_encoder.onnx", ["input_ids"], ["hidden_states"],
           {"input_ids": {0: "batch"}, "hidden_states": {0: "batch"}})
    export(pipe.text_encoder_2, (ids,), out / "sdxl_text_encoder_2.onnx", ["input_ids"], ["hidden_states", "text_embeds"],
           {"input_ids": {0: "batch"}, "hidden_states": {0: "batch"}, "text_embeds": {0: "batch"}})

    class Unet(torch.nn.Module):
        def __init__(self, unet):
            super().__init__()
            self.unet = unet

        def forward(self, sample, timestep, encoder_hidden_states, text_embeds, time_ids):
            return self.unet(sample, timestep, encoder_hidden_states,
                             added_cond_kwargs={"text_embeds": text_embeds, "time_ids": time_ids}).sample

    b = 2  # classifier-free guidance doubles the batch
    export(Unet(pipe.unet),
           (torch.randn(b, 4, 128, 128, dtype=torch.float16, device="cuda"),
            torch.ones(b, 1, dtype=torch.float16, device="cuda"),
            torch.randn(b, 77, 2048, dtype=torch.float16, device="cuda"),
            torch.randn(b, 1280, dtype=torch.float16, device="cuda"),
            torch.randn(b, 6, dtype=torch.float16, device="cuda")),
           out / "sdxl_unet.onnx", ["sample", "timestep", "encoder_hidden_states", "text_embeds", "time_ids"], ["latent"],
           {"sample": {0: "batch", 2: "h", 3: "w"}, "timestep": {0: "batch"}, "encoder_hidden_states": {0: "batch"},
            "text_embeds": {0: "batch"}, "time_ids": {0: "batch"}, "latent": {0: "batch", 2: "h", 3: "w"}})

    class VaeDecoder(torch.nn.Module):
        def __init__(self, vae):
            super().__init__()
            self.vae = vae

        def forward(self, latent):
            return self.vae.decode(latent / self.vae.config.scaling_factor).sample

    export(VaeDecoder(pipe.vae), (torch.randn(1, 4, 128, 128, dtype=torch.float16, device="cuda"),),
           out / "sdxl_vae_decoder.onnx", ["latent"], ["images"],
           {"latent": {0: "batch", 2: "h", 3: "w"}, "images": {0: "batch", 2: "H", 3: "W"}})


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=sorted(SOURCES), required=True)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("onnx"))
    parser.add_argument("--lora", action="append", default=[], help="PATH:WEIGHT, merged into the denoiser before export")
    args = parser.parse_args()
    pipe = load(args.model)
    for spec in args.lora:
        path, weight = spec.rsplit(":", 1)
        pipe.load_lora_weights(path, adapter_name=pathlib.Path(path).stem)
        pipe.fuse_lora(lora_scale=float(weight))
    if args.model == "sdxl":
        export_sdxl(pipe, args.out)
    else:
        # FLUX.2 and SD3.5 follow the same pattern (text encoder(s), transformer, VAE decoder); their
        # transformer exports are large (>2 GB external data) and need torch.onnx.export(..., dynamo=True).
        raise SystemExit(f"export of {args.model} is not scripted yet; see ../README.md, 'Not done yet'")


if __name__ == "__main__":
    main()
