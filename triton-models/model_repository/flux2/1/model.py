"""FLUX.2 [dev] as a Triton Python BLS model: the Mistral Small 3.1 text encoder, the flow transformer once
per step, flow-matching Euler, the VAE decoder, PNGs. Composing TensorRT models come from config.pbtxt's
parameters; their tensors are declared in SUBMODELS (build/check_repository.py checks them).

Follows diffusers' Flux2Pipeline: the prompt in a chat template with the pipeline's system message,
512 tokens; the text encoder engine stacks hidden states of layers 10, 20 and 30 (512 x 15360).
FLUX.2 [dev] is guidance-distilled: GUIDANCE goes into the transformer's guidance embedding, there is
no second, unconditional pass, and NEGATIVE_PROMPT is ignored. Latents are 32 channels at 1/8 of the
image, patchified 2x2 into 128 channels at 1/16 and packed as a sequence with 4-axis position ids
(t, h, w, l); the transformer sees sigma as its timestep. The VAE engine takes the packed-channel
latents and applies the batch-norm statistics and unpatchify itself.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.environ.get("ATELIER_PIPELINES", os.path.join(os.path.dirname(__file__), "..", "..", "..", "pipelines")))
from atelier_diffusion.pipeline import Limits, TextToImagePipeline, library_tokenizer  # noqa: E402
from atelier_diffusion.samplers import TRAIN_TIMESTEPS, FlowMatchEulerSampler  # noqa: E402

TOKENS = 512
PACKED_CHANNELS = 128  # 32 latent channels x 2 x 2
PATCH_SCALE = 16  # VAE factor 8 x patch 2
SYSTEM_MESSAGE = ("You are an AI that reasons about image descriptions. You give structured responses focusing on "
                  "object relationships, object attribution and actions without speculation.")

SUBMODELS = {
    "text_encoders": [
        {"inputs": {"input_ids": "TYPE_INT64", "attention_mask": "TYPE_INT64"}, "outputs": ["prompt_embeds"], "max_batch": 4},
    ],
    "denoiser": {"inputs": {"hidden_states": "TYPE_FP16", "encoder_hidden_states": "TYPE_FP16", "timestep": "TYPE_FP32",
                            "guidance": "TYPE_FP32", "img_ids": "TYPE_FP32", "txt_ids": "TYPE_FP32"},
                 "outputs": ["latent"], "max_batch": 4},
    "vae_decoder": {"inputs": {"latent": "TYPE_FP16"}, "outputs": ["images"], "max_batch": 4},
}


class TritonPythonModel(TextToImagePipeline):
    LIMITS = Limits(size_multiple=16, min_side=256, schedulers=FlowMatchEulerSampler.NAMES)
    SUBMODELS = SUBMODELS

    def load_tokenizers(self):
        self.processor = library_tokenizer(self.model_dir, "tokenizer", "AutoProcessor")

    def guided(self, job):
        return False  # guidance-distilled: one pass per step whatever GUIDANCE is

    def encode(self, batch):
        distinct, index = self.unique_texts([job.prompt for job in batch.jobs])
        # Pixtral's processor rejects [IMG] tokens it did not place, as diffusers strips them.
        messages = [[{"role": "system", "content": [{"type": "text", "text": SYSTEM_MESSAGE}]},
                     {"role": "user", "content": [{"type": "text", "text": text.replace("[IMG]", "")}]}] for text in distinct]
        tokens = self.processor.apply_chat_template(messages, add_generation_prompt=False, tokenize=True, return_dict=True,
                                                    return_tensors="np", padding="max_length", truncation=True, max_length=TOKENS)
        embeds = self.submodels["text_encoders"][0](input_ids=tokens["input_ids"].astype(np.int64),
                                                     attention_mask=tokens["attention_mask"].astype(np.int64))
        text_ids = np.zeros((TOKENS, 4), dtype=np.float32)
        text_ids[:, 3] = np.arange(TOKENS)  # (t, h, w, l) = (0, 0, 0, token index)
        return {"encoder_hidden_states": embeds["prompt_embeds"][index], "txt_ids": np.broadcast_to(text_ids, (len(index), TOKENS, 4))}

    def _grid(self, batch):
        return batch.key.height // PATCH_SCALE, batch.key.width // PATCH_SCALE

    def sampler(self, batch):
        rows, cols = self._grid(batch)
        return FlowMatchEulerSampler.for_flux2(batch.key.steps, rows * cols)

    def initial_latents(self, batch):
        rows, cols = self._grid(batch)
        # Drawn as (128, h, w) like diffusers, then packed to a (h*w, 128) token sequence.
        noise = self.noise(batch, (PACKED_CHANNELS, rows, cols))
        return noise.reshape(len(batch), PACKED_CHANNELS, rows * cols).transpose(0, 2, 1)

    def predict(self, batch, sampler, i, latents):
        rows, cols = self._grid(batch)
        image_ids = np.zeros((rows * cols, 4), dtype=np.float32)  # (t, h, w, l) = (0, row, column, 0)
        image_ids[:, 1], image_ids[:, 2] = np.divmod(np.arange(rows * cols), cols)
        n = len(latents)
        return self.submodels["denoiser"](
            version=batch.denoiser_version, hidden_states=latents,
            encoder_hidden_states=batch.conditioning["encoder_hidden_states"],
            timestep=np.full((n, 1), sampler.timesteps[i] / TRAIN_TIMESTEPS), guidance=batch.guidance.reshape(n, 1),
            img_ids=np.broadcast_to(image_ids, (n, rows * cols, 4)),
            txt_ids=batch.conditioning["txt_ids"])["latent"].astype(np.float32)

    def decode(self, batch, latents):
        rows, cols = self._grid(batch)
        packed = latents.transpose(0, 2, 1).reshape(len(batch), PACKED_CHANNELS, rows, cols)
        return self.submodels["vae_decoder"](latent=packed)["images"]
