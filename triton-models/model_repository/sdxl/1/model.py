"""SDXL 1.0 base as a Triton Python BLS model: two CLIP text encoders, the UNet once per step (twice the
batch with classifier-free guidance), the VAE decoder, PNGs. Composing TensorRT models come from
config.pbtxt's parameters; their tensors are declared in SUBMODELS (build/check_repository.py checks them).

Follows diffusers' StableDiffusionXLPipeline: penultimate hidden states of both encoders concatenated
(77 x 2048), the second encoder's pooled projection and the six size/crop conditioning values
(original size, crop 0,0, target size) as UNet extras, zero embeddings for an empty negative prompt
(SDXL's force_zeros_for_empty_prompt). The VAE engine divides by the scaling factor itself.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.environ.get("ATELIER_PIPELINES", os.path.join(os.path.dirname(__file__), "..", "..", "..", "pipelines")))
from atelier_diffusion.pipeline import Limits, TextToImagePipeline, library_tokenizer, token_ids  # noqa: E402
from atelier_diffusion.samplers import EpsilonSampler  # noqa: E402

TOKENS = 77
VAE_SCALE = 8
LATENT_CHANNELS = 4

SUBMODELS = {
    "text_encoders": [
        {"inputs": {"input_ids": "TYPE_INT32"}, "outputs": ["hidden_states"], "max_batch": 8},
        {"inputs": {"input_ids": "TYPE_INT32"}, "outputs": ["hidden_states", "text_embeds"], "max_batch": 8},
    ],
    "denoiser": {"inputs": {"sample": "TYPE_FP16", "timestep": "TYPE_FP16", "encoder_hidden_states": "TYPE_FP16",
                            "text_embeds": "TYPE_FP16", "time_ids": "TYPE_FP16"},
                 "outputs": ["latent"], "max_batch": 8},
    "vae_decoder": {"inputs": {"latent": "TYPE_FP16"}, "outputs": ["images"], "max_batch": 4},
}


class TritonPythonModel(TextToImagePipeline):
    LIMITS = Limits(size_multiple=8, min_side=512, schedulers=EpsilonSampler.NAMES)
    SUBMODELS = SUBMODELS

    def load_tokenizers(self):
        self.tokenizers = [library_tokenizer(self.model_dir, folder, "CLIPTokenizer") for folder in ("tokenizer", "tokenizer_2")]

    def encode(self, batch):
        prompts = self._encode([job.prompt for job in batch.jobs])
        if not batch.key.guided:
            return prompts
        negatives = [job.negative for job in batch.jobs]
        unconditional = self._encode(negatives)
        empty = np.array([not text for text in negatives])
        for name in unconditional:
            unconditional[name][empty] = 0.0
        return {name: np.concatenate([unconditional[name], prompts[name]]) for name in prompts}

    def _encode(self, texts):
        distinct, index = self.unique_texts(texts)
        clip_l, clip_g = self.submodels["text_encoders"]
        first = clip_l(input_ids=token_ids(self.tokenizers[0], distinct, TOKENS))
        second = clip_g(input_ids=token_ids(self.tokenizers[1], distinct, TOKENS))
        return {"encoder_hidden_states": np.concatenate([first["hidden_states"], second["hidden_states"]], axis=-1)[index],
                "text_embeds": second["text_embeds"][index]}

    def sampler(self, batch):
        return EpsilonSampler(batch.key.scheduler, batch.key.steps)

    def initial_latents(self, batch):
        return self.noise(batch, (LATENT_CHANNELS, batch.key.height // VAE_SCALE, batch.key.width // VAE_SCALE))

    def predict(self, batch, sampler, i, latents):
        sample = sampler.scale_input(latents, i)
        if batch.key.guided:
            sample = np.concatenate([sample, sample])
        rows = len(sample)
        height, width = batch.key.height, batch.key.width
        eps = self.submodels["denoiser"](
            version=batch.denoiser_version, sample=sample, timestep=np.full((rows, 1), sampler.timesteps[i]),
            encoder_hidden_states=batch.conditioning["encoder_hidden_states"],
            text_embeds=batch.conditioning["text_embeds"],
            time_ids=np.tile([[height, width, 0, 0, height, width]], (rows, 1)))["latent"].astype(np.float32)
        return self.combine_guidance(batch, eps) if batch.key.guided else eps

    def decode(self, batch, latents):
        return self.submodels["vae_decoder"](latent=latents)["images"]
