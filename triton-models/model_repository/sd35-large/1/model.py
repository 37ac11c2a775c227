"""Stable Diffusion 3.5 Large as a Triton Python BLS model: CLIP-L, CLIP-G and T5-XXL text encoders, the
MMDiT once per step (twice the batch with classifier-free guidance), flow-matching Euler, the VAE
decoder, PNGs. Composing TensorRT models come from config.pbtxt's parameters; their tensors are
declared in SUBMODELS (build/check_repository.py checks them).

Follows diffusers' StableDiffusion3Pipeline: penultimate hidden states of the two CLIPs concatenated
(77 x 2048), zero-padded to T5's 4096 channels and followed by T5's 256 tokens (333 x 4096); pooled
projections of both CLIPs (2048); an empty negative prompt is encoded like any text. The timestep the
MMDiT sees is sigma x 1000. The VAE engine applies the scaling and shift factors itself.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.environ.get("ATELIER_PIPELINES", os.path.join(os.path.dirname(__file__), "..", "..", "..", "pipelines")))
from atelier_diffusion.pipeline import Limits, TextToImagePipeline, library_tokenizer, token_ids  # noqa: E402
from atelier_diffusion.samplers import FlowMatchEulerSampler  # noqa: E402

CLIP_TOKENS = 77
T5_TOKENS = 256
T5_CHANNELS = 4096
VAE_SCALE = 8
LATENT_CHANNELS = 16
SHIFT = 3.0  # the scheduler config's shift of SD3.5 Large

SUBMODELS = {
    "text_encoders": [
        {"inputs": {"input_ids": "TYPE_INT32"}, "outputs": ["hidden_states", "text_embeds"], "max_batch": 8},
        {"inputs": {"input_ids": "TYPE_INT32"}, "outputs": ["hidden_states", "text_embeds"], "max_batch": 8},
        {"inputs": {"input_ids": "TYPE_INT32"}, "outputs": ["hidden_states"], "max_batch": 4},
    ],
    "denoiser": {"inputs": {"hidden_states": "TYPE_FP16", "timestep": "TYPE_FP16", "encoder_hidden_states": "TYPE_FP16",
                            "pooled_projections": "TYPE_FP16"},
                 "outputs": ["latent"], "max_batch": 8},
    "vae_decoder": {"inputs": {"latent": "TYPE_FP16"}, "outputs": ["images"], "max_batch": 4},
}


class TritonPythonModel(TextToImagePipeline):
    LIMITS = Limits(size_multiple=16, min_side=512, schedulers=FlowMatchEulerSampler.NAMES)
    SUBMODELS = SUBMODELS

    def load_tokenizers(self):
        self.tokenizers = [library_tokenizer(self.model_dir, "tokenizer", "CLIPTokenizer"),
                           library_tokenizer(self.model_dir, "tokenizer_2", "CLIPTokenizer"),
                           library_tokenizer(self.model_dir, "tokenizer_3", "T5TokenizerFast")]

    def encode(self, batch):
        prompts = self._encode([job.prompt for job in batch.jobs])
        if not batch.key.guided:
            return prompts
        negatives = self._encode([job.negative for job in batch.jobs])
        return {name: np.concatenate([negatives[name], prompts[name]]) for name in prompts}

    def _encode(self, texts):
        distinct, index = self.unique_texts(texts)
        clip_l, clip_g, t5 = self.submodels["text_encoders"]
        first = clip_l(input_ids=token_ids(self.tokenizers[0], distinct, CLIP_TOKENS))
        second = clip_g(input_ids=token_ids(self.tokenizers[1], distinct, CLIP_TOKENS))
        t5_states = t5(input_ids=token_ids(self.tokenizers[2], distinct, T5_TOKENS))["hidden_states"]
        clip_states = np.concatenate([first["hidden_states"], second["hidden_states"]], axis=-1)
        clip_states = np.pad(clip_states, ((0, 0), (0, 0), (0, T5_CHANNELS - clip_states.shape[-1])))
        return {"encoder_hidden_states": np.concatenate([clip_states, t5_states], axis=1)[index],
                "pooled_projections": np.concatenate([first["text_embeds"], second["text_embeds"]], axis=-1)[index]}

    def sampler(self, batch):
        return FlowMatchEulerSampler.for_sd3(batch.key.steps, SHIFT)

    def initial_latents(self, batch):
        return self.noise(batch, (LATENT_CHANNELS, batch.key.height // VAE_SCALE, batch.key.width // VAE_SCALE))

    def predict(self, batch, sampler, i, latents):
        sample = np.concatenate([latents, latents]) if batch.key.guided else latents
        velocity = self.submodels["denoiser"](
            version=batch.denoiser_version, hidden_states=sample,
            timestep=np.full((len(sample), 1), sampler.timesteps[i]),
            encoder_hidden_states=batch.conditioning["encoder_hidden_states"],
            pooled_projections=batch.conditioning["pooled_projections"])["latent"].astype(np.float32)
        return self.combine_guidance(batch, velocity) if batch.key.guided else velocity

    def decode(self, batch, latents):
        return self.submodels["vae_decoder"](latent=latents)["images"]
