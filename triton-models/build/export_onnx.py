#!/usr/bin/env python3
"""Exports the composing models of Atelier's Triton repository to ONNX for TensorRT, and saves the
tokenizers next to the pipelines' config.pbtxt.

Run on a GPU machine in the PyTorch/TensorRT container (see ../README.md) with diffusers, transformers
and (for --fp8) nvidia-modelopt installed. NOT run here: these machines have no GPU. Tensor names,
types and shapes are those of ../model_repository/<component>/config.pbtxt; wrappers below adapt each
diffusers/transformers module to them (batch first, [B, 1] scalars, FP16 in and out).

    python export_onnx.py --model sdxl --out onnx/                    # all components + tokenizers
    python export_onnx.py --model sd35-large --out onnx/ --fp8        # + FP8 (QDQ) denoiser for build_engines.sh fp8
    python export_onnx.py --model flux2 --out onnx-ink/ --lora ink.safetensors:0.8   # LoRA-merged denoiser only
    python export_onnx.py --model upscaler_4x --weights RealESRGAN_x4plus.pth --out onnx/
    python export_onnx.py --model safety_checker --weights safety_head.safetensors --out onnx/

Each component goes to OUT/<component>/model.onnx (large ones with external weight files beside it).
"""
import argparse
import pathlib

REPOSITORY = pathlib.Path(__file__).resolve().parent.parent / "model_repository"
SOURCES = {
    "sdxl": "stabilityai/stable-diffusion-xl-base-1.0",
    "sd35-large": "stabilityai/stable-diffusion-3.5-large",
    "flux2": "black-forest-labs/FLUX.2-dev",
}
# SDXL's own VAE overflows in FP16; this fine-tune of it does not (the config says "FP16-fixed VAE").
SDXL_FP16_VAE = "madebyollin/sdxl-vae-fp16-fix"
CLIP_VISION = "openai/clip-vit-large-patch14"
OPSET = 18
DENOISERS = {"sdxl": "sdxl_unet", "sd35-large": "sd35_mmdit", "flux2": "flux2_transformer"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=sorted(SOURCES) + ["safety_checker", "upscaler_4x"], required=True)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("onnx"))
    parser.add_argument("--lora", action="append", default=[],
                        help="PATH:WEIGHT, fused into the denoiser; only the denoiser is exported then (premerged mode)")
    parser.add_argument("--fp8", action="store_true", help="also write <denoiser>/model.fp8.onnx quantized with ModelOpt")
    parser.add_argument("--calibration", type=pathlib.Path,
                        help="NPZ of real denoiser inputs (keys = input names) for --fp8; random data otherwise (poor quality)")
    parser.add_argument("--weights", type=pathlib.Path, help="weights of upscaler_4x (RealESRGAN_x4plus.pth) or of the safety head")
    args = parser.parse_args()

    import torch  # GPU libraries only past argument parsing, so that --help works anywhere
    torch.set_grad_enabled(False)
    exporter = Exporter(torch, args.out)
    if args.model == "upscaler_4x":
        return export_upscaler(exporter, args.weights)
    if args.model == "safety_checker":
        return export_safety_classifier(exporter, args.weights)
    pipe = load_pipeline(torch, args.model)
    for spec in args.lora:
        path, weight = spec.rsplit(":", 1)
        pipe.load_lora_weights(path, adapter_name=pathlib.Path(path).stem)
        pipe.fuse_lora(lora_scale=float(weight))
    only_denoiser = bool(args.lora)
    {"sdxl": export_sdxl, "sd35-large": export_sd35, "flux2": export_flux2}[args.model](exporter, pipe, only_denoiser)
    if args.fp8:
        quantize_fp8(exporter, DENOISERS[args.model], args.calibration)


def load_pipeline(torch, model):
    from diffusers import DiffusionPipeline
    if model == "sdxl":
        from diffusers import AutoencoderKL
        vae = AutoencoderKL.from_pretrained(SDXL_FP16_VAE, torch_dtype=torch.float16)
        return DiffusionPipeline.from_pretrained(SOURCES[model], vae=vae, torch_dtype=torch.float16).to("cuda")
    # SD3.5 and FLUX.2 are trained in BF16 and overflow FP16 inside (T5, the LLM encoder, the transformers):
    # they run in BF16 and the wrappers convert at the engine's FP16 inputs and outputs.
    return DiffusionPipeline.from_pretrained(SOURCES[model], torch_dtype=torch.bfloat16).to("cuda")


class Exporter:
    def __init__(self, torch, out):
        self.torch = torch
        self.out = out
        self.example_shapes = {}  # component -> {input name: shape}, for random FP8 calibration

    def path(self, name):
        return self.out / name / "model.onnx"

    def __call__(self, name, module, example, inputs, outputs, dynamic_axes):
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.example_shapes[name] = {input_name: tuple(t.shape) for input_name, t in zip(inputs, example)}
        # Modules over 2 GB are written with external data files beside model.onnx.
        self.torch.onnx.export(module.eval(), tuple(example), str(path), input_names=inputs, output_names=outputs,
                               dynamic_axes=dynamic_axes, opset_version=OPSET, do_constant_folding=True, dynamo=False)
        print(f"exported {path}")

    def randn(self, *shape, dtype=None):
        return self.torch.randn(*shape, dtype=dtype or self.torch.float16, device="cuda")

    def ids(self, batch, length, dtype=None):
        return self.torch.zeros(batch, length, dtype=dtype or self.torch.int32, device="cuda")


def batch_axes(*names, **extra):
    """Dynamic axes: dimension 0 ("batch") of every name, plus the given ones."""
    axes = {name: {0: "batch"} for name in names}
    for name, more in extra.items():
        axes[name] = {0: "batch", **more}
    return axes


def save_tokenizers(pipe, model, names):
    for name in names:
        target = REPOSITORY / model / name
        getattr(pipe, name).save_pretrained(str(target))
        print(f"saved {target}")


def wrappers(torch):
    """Small modules that give each component the tensor contract of its config.pbtxt."""
    nn = torch.nn

    class ClipText(nn.Module):
        """Penultimate hidden states (and the pooled projection for CLIPTextModelWithProjection), as SDXL/SD3 use them."""

        def __init__(self, encoder, pooled):
            super().__init__()
            self.encoder, self.pooled = encoder, pooled

        def forward(self, input_ids):
            out = self.encoder(input_ids, output_hidden_states=True)
            states = out.hidden_states[-2].to(torch.float16)
            return (states, out.text_embeds.to(torch.float16)) if self.pooled else states

    class T5(nn.Module):
        def __init__(self, encoder):
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids):
            return self.encoder(input_ids).last_hidden_state.to(torch.float16)

    class SdxlUnet(nn.Module):
        def __init__(self, unet):
            super().__init__()
            self.unet = unet

        def forward(self, sample, timestep, encoder_hidden_states, text_embeds, time_ids):
            return self.unet(sample, timestep.reshape(-1), encoder_hidden_states,
                             added_cond_kwargs={"text_embeds": text_embeds, "time_ids": time_ids}).sample

    class Sd3Transformer(nn.Module):
        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, hidden_states, timestep, encoder_hidden_states, pooled_projections):
            bf16 = torch.bfloat16
            return self.transformer(hidden_states=hidden_states.to(bf16), timestep=timestep.reshape(-1).to(bf16),
                                    encoder_hidden_states=encoder_hidden_states.to(bf16),
                                    pooled_projections=pooled_projections.to(bf16)).sample.to(torch.float16)

    class Flux2TextEncoder(nn.Module):
        def __init__(self, encoder, layers=(10, 20, 30)):
            super().__init__()
            self.encoder, self.layers = encoder, layers

        def forward(self, input_ids, attention_mask):
            out = self.encoder(input_ids=input_ids, attention_mask=attention_mask, output_hidden_states=True, use_cache=False)
            stacked = torch.stack([out.hidden_states[k] for k in self.layers], dim=1)  # B, 3, L, D
            batch, layers, length, dim = stacked.shape
            return stacked.permute(0, 2, 1, 3).reshape(batch, length, layers * dim).to(torch.float16)

    class Flux2Transformer(nn.Module):
        def __init__(self, transformer):
            super().__init__()
            self.transformer = transformer

        def forward(self, hidden_states, encoder_hidden_states, timestep, guidance, img_ids, txt_ids):
            bf16 = torch.bfloat16
            return self.transformer(hidden_states=hidden_states.to(bf16), encoder_hidden_states=encoder_hidden_states.to(bf16),
                                    timestep=timestep.reshape(-1), guidance=guidance.reshape(-1),
                                    img_ids=img_ids, txt_ids=txt_ids).sample.to(torch.float16)

    class VaeDecoder(nn.Module):
        """Latents as the sampler leaves them to RGB in [-1, 1]: undo the VAE's scaling (and shift) first."""

        def __init__(self, vae):
            super().__init__()
            self.vae = vae
            self.scale = vae.config.scaling_factor
            self.shift = getattr(vae.config, "shift_factor", None) or 0.0

        def forward(self, latent):
            latent = latent.to(self.vae.dtype) / self.scale + self.shift
            return self.vae.decode(latent).sample.to(torch.float16)

    class Flux2VaeDecoder(nn.Module):
        """Patchified latents (B, 128, h, w): batch-norm statistics, 2x2 unpatchify, decode (Flux2Pipeline's steps)."""

        def __init__(self, vae):
            super().__init__()
            self.vae = vae

        def forward(self, latent):
            latent = latent.to(self.vae.dtype)
            mean = self.vae.bn.running_mean.view(1, -1, 1, 1)
            std = torch.sqrt(self.vae.bn.running_var.view(1, -1, 1, 1) + self.vae.config.batch_norm_eps)
            latent = latent * std + mean
            batch, channels, height, width = latent.shape
            latent = latent.reshape(batch, channels // 4, 2, 2, height, width).permute(0, 1, 4, 2, 5, 3)
            latent = latent.reshape(batch, channels // 4, height * 2, width * 2)
            return self.vae.decode(latent).sample.to(torch.float16)

    return dict(ClipText=ClipText, T5=T5, SdxlUnet=SdxlUnet, Sd3Transformer=Sd3Transformer, Flux2TextEncoder=Flux2TextEncoder,
                Flux2Transformer=Flux2Transformer, VaeDecoder=VaeDecoder, Flux2VaeDecoder=Flux2VaeDecoder)


def export_sdxl(export, pipe, only_denoiser):
    w, b = wrappers(export.torch), 2  # classifier-free guidance doubles the batch
    export("sdxl_unet", w["SdxlUnet"](pipe.unet),
           (export.randn(b, 4, 128, 128), export.randn(b, 1), export.randn(b, 77, 2048), export.randn(b, 1280), export.randn(b, 6)),
           ["sample", "timestep", "encoder_hidden_states", "text_embeds", "time_ids"], ["latent"],
           batch_axes("timestep", "encoder_hidden_states", "text_embeds", "time_ids",
                      sample={2: "h", 3: "w"}, latent={2: "h", 3: "w"}))
    if only_denoiser:
        return
    export("sdxl_text_encoder", w["ClipText"](pipe.text_encoder, pooled=False), (export.ids(1, 77),),
           ["input_ids"], ["hidden_states"], batch_axes("input_ids", "hidden_states"))
    export("sdxl_text_encoder_2", w["ClipText"](pipe.text_encoder_2, pooled=True), (export.ids(1, 77),),
           ["input_ids"], ["hidden_states", "text_embeds"], batch_axes("input_ids", "hidden_states", "text_embeds"))
    export("sdxl_vae_decoder", w["VaeDecoder"](pipe.vae), (export.randn(1, 4, 128, 128),), ["latent"], ["images"],
           batch_axes(latent={2: "h", 3: "w"}, images={2: "H", 3: "W"}))
    save_tokenizers(pipe, "sdxl", ["tokenizer", "tokenizer_2"])


def export_sd35(export, pipe, only_denoiser):
    w, b = wrappers(export.torch), 2
    export("sd35_mmdit", w["Sd3Transformer"](pipe.transformer),
           (export.randn(b, 16, 128, 128), export.randn(b, 1), export.randn(b, 333, 4096), export.randn(b, 2048)),
           ["hidden_states", "timestep", "encoder_hidden_states", "pooled_projections"], ["latent"],
           batch_axes("timestep", "encoder_hidden_states", "pooled_projections",
                      hidden_states={2: "h", 3: "w"}, latent={2: "h", 3: "w"}))
    if only_denoiser:
        return
    for name, encoder in (("sd35_text_encoder_clip_l", pipe.text_encoder), ("sd35_text_encoder_clip_g", pipe.text_encoder_2)):
        export(name, w["ClipText"](encoder, pooled=True), (export.ids(1, 77),), ["input_ids"], ["hidden_states", "text_embeds"],
               batch_axes("input_ids", "hidden_states", "text_embeds"))
    export("sd35_text_encoder_t5", w["T5"](pipe.text_encoder_3), (export.ids(1, 256),), ["input_ids"], ["hidden_states"],
           batch_axes("input_ids", "hidden_states"))
    export("sd35_vae_decoder", w["VaeDecoder"](pipe.vae), (export.randn(1, 16, 128, 128),), ["latent"], ["images"],
           batch_axes(latent={2: "h", 3: "w"}, images={2: "H", 3: "W"}))
    save_tokenizers(pipe, "sd35-large", ["tokenizer", "tokenizer_2", "tokenizer_3"])


def export_flux2(export, pipe, only_denoiser):
    w, torch, b, seq = wrappers(export.torch), export.torch, 1, 4096  # 1024²: 64 x 64 packed tokens
    export("flux2_transformer", w["Flux2Transformer"](pipe.transformer),
           (export.randn(b, seq, 128), export.randn(b, 512, 15360), export.randn(b, 1, dtype=torch.float32),
            export.randn(b, 1, dtype=torch.float32), export.randn(b, seq, 4, dtype=torch.float32),
            export.randn(b, 512, 4, dtype=torch.float32)),
           ["hidden_states", "encoder_hidden_states", "timestep", "guidance", "img_ids", "txt_ids"], ["latent"],
           batch_axes("encoder_hidden_states", "timestep", "guidance", "txt_ids",
                      hidden_states={1: "tokens"}, img_ids={1: "tokens"}, latent={1: "tokens"}))
    if only_denoiser:
        return
    export("flux2_text_encoder", w["Flux2TextEncoder"](pipe.text_encoder),
           (export.ids(1, 512, torch.int64), torch.ones(1, 512, dtype=torch.int64, device="cuda")),
           ["input_ids", "attention_mask"], ["prompt_embeds"],
           batch_axes("input_ids", "attention_mask", "prompt_embeds"))
    export("flux2_vae_decoder", w["Flux2VaeDecoder"](pipe.vae), (export.randn(1, 128, 64, 64),), ["latent"], ["images"],
           batch_axes(latent={2: "h", 3: "w"}, images={2: "H", 3: "W"}))
    save_tokenizers(pipe, "flux2", ["tokenizer"])


def export_upscaler(export, weights):
    """Real-ESRGAN x4plus (RRDBNet, 23 blocks) from its published .pth; input and output FP16 CHW in [0, 1]."""
    from basicsr.archs.rrdbnet_arch import RRDBNet
    torch = export.torch
    net = RRDBNet(num_in_ch=3, num_out_ch=3, num_feat=64, num_block=23, num_grow_ch=32, scale=4)
    state = torch.load(str(weights), map_location="cpu")
    net.load_state_dict(state.get("params_ema", state.get("params", state)))
    export("upscaler_4x", net.half().cuda(), (export.randn(1, 3, 256, 256),), ["IMAGE"], ["UPSCALED"],
           batch_axes(IMAGE={2: "h", 3: "w"}, UPSCALED={2: "H", 3: "W"}))


def export_safety_classifier(export, head_weights):
    """CLIP ViT-L/14 image tower + a linear head of 5 sigmoid scores (labels.txt order). The head is Atelier's own,
    trained by the trust-and-safety team on labelled images; its safetensors holds weight [5, 768] and bias [5]."""
    from safetensors.torch import load_file
    from transformers import CLIPVisionModelWithProjection
    torch = export.torch
    vision = CLIPVisionModelWithProjection.from_pretrained(CLIP_VISION, torch_dtype=torch.float16).cuda()
    head = torch.nn.Linear(vision.config.projection_dim, 5).half().cuda()
    head.load_state_dict(load_file(str(head_weights)))

    class Classifier(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.vision, self.head = vision, head

        def forward(self, pixel_values):
            embeds = torch.nn.functional.normalize(self.vision(pixel_values).image_embeds, dim=-1)
            return torch.sigmoid(self.head(embeds).float())

    export("safety_classifier", Classifier(), (export.randn(1, 3, 224, 224),), ["pixel_values"], ["scores"],
           batch_axes("pixel_values", "scores"))


def quantize_fp8(export, denoiser, calibration):
    """FP8 (E4M3) QDQ ONNX of the denoiser with NVIDIA ModelOpt's ONNX PTQ, for `build_engines.sh MODEL fp8`.

    Without --calibration the activation ranges come from random inputs: it builds and runs, but image
    quality needs calibration on real denoiser inputs (a few hundred steps captured from real prompts)."""
    import numpy as np
    from modelopt.onnx.quantization import quantize
    source = export.path(denoiser)
    if calibration is not None:
        data = dict(np.load(str(calibration)))
    else:
        print("WARNING: FP8 calibration on random inputs; pass --calibration real.npz for production engines")
        data = {name: np.random.randn(*shape).astype(np.float32 if name in ("timestep", "guidance", "img_ids", "txt_ids")
                                                         and denoiser == "flux2_transformer" else np.float16)
                for name, shape in export.example_shapes[denoiser].items()}
    quantize(str(source), quantize_mode="fp8", calibration_data=data, output_path=str(source.with_suffix(".fp8.onnx")),
             use_external_data_format=True, high_precision_dtype="fp16")
    print(f"quantized {source.with_suffix('.fp8.onnx')}")


if __name__ == "__main__":
    main()
