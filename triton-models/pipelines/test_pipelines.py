#!/usr/bin/env python3
"""Tests of the BLS pipelines without Triton or a GPU (numpy only): the samplers' arithmetic, PNG encoding,
and each model.py end to end against a fake triton_python_backend_utils whose composing models answer
with tensors of the configs' shapes. It proves the plumbing (tensor names, shapes, batching, seeds,
LoRA versions, errors), not image quality: the fake denoisers are not diffusion models.

    python3 triton-models/pipelines/test_pipelines.py
"""
import importlib.util
import json
import pathlib
import sys
import types
import unittest
import zlib

import numpy as np

HERE = pathlib.Path(__file__).resolve().parent
REPOSITORY = HERE.parent / "model_repository"
sys.path.insert(0, str(HERE))

from atelier_diffusion.png import encode_png, to_rgb8  # noqa: E402
from atelier_diffusion.samplers import EpsilonSampler, FlowMatchEulerSampler, NoiseStreams, flux2_mu, gaussian  # noqa: E402


class SamplerTest(unittest.TestCase):

    def test_euler_family_reaches_the_clean_sample_with_an_exact_denoiser(self):
        x0 = np.full((1, 4, 8, 8), 0.3, dtype=np.float32)
        for name in EpsilonSampler.NAMES:
            sampler = EpsilonSampler(name, 30)
            x = x0 + gaussian(7, x0.shape) * sampler.init_noise_sigma
            for i in range(len(sampler.timesteps)):
                sigma = sampler.sigmas[i]
                eps = (x - x0) / sigma  # what a perfect epsilon model would say
                x = sampler.step(i, x, eps, NoiseStreams([7]))
            np.testing.assert_allclose(x, x0, atol=1e-4, err_msg=name)

    def test_sdxl_schedule_matches_leading_spacing(self):
        sampler = EpsilonSampler("euler", 30)
        # diffusers' EulerDiscreteScheduler with SDXL's config: 958, 925, 892, ... 1 (step 1000 // 30, offset 1)
        self.assertEqual(list(sampler.timesteps[:3]), [958.0, 925.0, 892.0])
        self.assertEqual(sampler.timesteps[-1], 1.0)
        self.assertAlmostEqual(sampler.init_noise_sigma, np.sqrt(sampler.sigmas[0] ** 2 + 1))
        karras = EpsilonSampler("dpmpp_2m_karras", 30)
        self.assertTrue(np.all(np.diff(karras.sigmas[:-1]) < 0))

    def test_flow_match_reaches_the_clean_sample_with_an_exact_velocity(self):
        x0 = np.full((2, 16, 4, 4), -0.5, dtype=np.float32)
        noise = gaussian(3, x0.shape)
        for sampler in (FlowMatchEulerSampler.for_sd3(28), FlowMatchEulerSampler.for_flux2(28, 4096)):
            x = noise.copy()
            for i in range(len(sampler.timesteps)):
                x = sampler.step(i, x, noise - x0, None)  # rectified flow: v = noise - x0
            np.testing.assert_allclose(x, x0, atol=1e-5)
            self.assertAlmostEqual(sampler.sigmas[0], 1.0)
            self.assertTrue(np.all(np.diff(sampler.sigmas) < 0))

    def test_sd3_shift_and_flux2_mu(self):
        sampler = FlowMatchEulerSampler.for_sd3(28, 3.0)
        self.assertAlmostEqual(sampler.timesteps[0], 1000.0, places=3)
        s = 0.5
        self.assertAlmostEqual(FlowMatchEulerSampler(np.array([s]), np.log(3.0)).sigmas[0], 3 * s / (1 + 2 * s))
        self.assertAlmostEqual(flux2_mu(5000, 28), 0.00016927 * 5000 + 0.45666666)

    def test_seeds_alone_determine_noise(self):
        np.testing.assert_array_equal(gaussian(42, (4, 8, 8)), gaussian(42, (4, 8, 8)))
        self.assertFalse(np.array_equal(gaussian(42, (4, 8, 8)), gaussian(43, (4, 8, 8))))


class PngTest(unittest.TestCase):

    def test_encodes_decodable_png(self):
        rgb = to_rgb8(np.linspace(-1, 1, 3 * 5 * 7, dtype=np.float32).reshape(1, 3, 5, 7))[0]
        png = encode_png(rgb)
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
        raw = np.frombuffer(zlib.decompress(idat), np.uint8).reshape(5, 1 + 7 * 3)
        np.testing.assert_array_equal(raw[:, 1:].reshape(5, 7, 3), rgb)


# --- a fake Triton Python backend ------------------------------------------------------------------

class FakeTensor:
    def __init__(self, name, array):
        self._name, self._array = name, np.asarray(array)

    def name(self):
        return self._name

    def as_numpy(self):
        return self._array


class FakeError:
    INVALID_ARG, INTERNAL = "INVALID_ARG", "INTERNAL"

    def __init__(self, message, code=None):
        self._message, self.code = message, code

    def message(self):
        return self._message


class FakeResponse:
    def __init__(self, output_tensors, error=None):
        self.output_tensors, self.error_value = {t.name(): t for t in output_tensors}, error

    def has_error(self):
        return self.error_value is not None

    def error(self):
        return self.error_value


class FakeRequest:
    calls = []
    models = {}

    def __init__(self, model_name, requested_output_names, inputs, model_version=-1, preferred_memory=None):
        self.model, self.outputs, self.version = model_name, requested_output_names, model_version
        self.inputs = {t.name(): t.as_numpy() for t in inputs}

    def exec(self):
        FakeRequest.calls.append((self.model, self.version, {k: (v.shape, v.dtype) for k, v in self.inputs.items()}))
        outputs = FakeRequest.models[self.model](**self.inputs)
        return FakeResponse([FakeTensor(name, outputs[name]) for name in self.outputs])


def fake_backend():
    module = types.ModuleType("triton_python_backend_utils")
    module.Tensor, module.InferenceRequest, module.InferenceResponse, module.TritonError = FakeTensor, FakeRequest, FakeResponse, FakeError
    module.PreferredMemory = lambda kind, device=0: (kind, device)
    module.TRITONSERVER_MEMORY_CPU = "CPU"
    module.get_input_tensor_by_name = lambda request, name: request.get(name)
    module.get_output_tensor_by_name = lambda response, name: response.output_tensors[name]
    return module


class FakeTokenizer:
    def __call__(self, texts, padding, max_length, truncation, return_tensors):
        return types.SimpleNamespace(input_ids=np.array([[len(t)] * max_length for t in texts], dtype=np.int64))

    def apply_chat_template(self, messages, max_length, **kwargs):
        ids = np.array([[len(m[1]["content"][0]["text"])] * max_length for m in messages])
        return {"input_ids": ids, "attention_mask": np.ones_like(ids)}


def half(shape):
    return np.zeros(shape, dtype=np.float16)


SUBMODEL_FAKES = {
    "sdxl_text_encoder": lambda input_ids: {"hidden_states": half((len(input_ids), 77, 768))},
    "sdxl_text_encoder_2": lambda input_ids: {"hidden_states": half((len(input_ids), 77, 1280)), "text_embeds": half((len(input_ids), 1280))},
    "sdxl_unet": lambda sample, **rest: {"latent": (0.1 * sample).astype(np.float16)},
    "sdxl_vae_decoder": lambda latent: {"images": half((len(latent), 3, latent.shape[2] * 8, latent.shape[3] * 8))},
    "sd35_text_encoder_clip_l": lambda input_ids: {"hidden_states": half((len(input_ids), 77, 768)), "text_embeds": half((len(input_ids), 768))},
    "sd35_text_encoder_clip_g": lambda input_ids: {"hidden_states": half((len(input_ids), 77, 1280)), "text_embeds": half((len(input_ids), 1280))},
    "sd35_text_encoder_t5": lambda input_ids: {"hidden_states": half((len(input_ids), 256, 4096))},
    "sd35_mmdit": lambda hidden_states, **rest: {"latent": (0.1 * hidden_states).astype(np.float16)},
    "sd35_vae_decoder": lambda latent: {"images": half((len(latent), 3, latent.shape[2] * 8, latent.shape[3] * 8))},
    "flux2_text_encoder": lambda input_ids, attention_mask: {"prompt_embeds": half((len(input_ids), 512, 15360))},
    "flux2_transformer": lambda hidden_states, **rest: {"latent": (0.1 * hidden_states).astype(np.float16)},
    "flux2_vae_decoder": lambda latent: {"images": (np.tanh(latent[:, :3].repeat(16, 2).repeat(16, 3))).astype(np.float16)},
}


def load_pipeline(name):
    sys.modules["triton_python_backend_utils"] = fake_backend()
    import atelier_diffusion.pipeline as pipeline
    pipeline.pb_utils = sys.modules["triton_python_backend_utils"]
    pipeline.library_tokenizer = lambda *args: FakeTokenizer()
    spec = importlib.util.spec_from_file_location(f"model_{name.replace('-', '_')}", REPOSITORY / name / "1" / "model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.library_tokenizer = pipeline.library_tokenizer
    model = module.TritonPythonModel()
    config = read_config_parameters(name)
    model.initialize({"model_config": json.dumps(config), "model_repository": str(REPOSITORY / name), "model_version": "1", "model_name": name})
    FakeRequest.models = SUBMODEL_FAKES
    FakeRequest.calls = []
    return model


def read_config_parameters(name):
    sys.path.insert(0, str(HERE.parent / "build"))
    from check_repository import first, parse_pbtxt
    config = parse_pbtxt((REPOSITORY / name / "config.pbtxt").read_text())
    return {"parameters": {first(p, "key"): {"string_value": first(first(p, "value"), "string_value")} for p in config["parameters"]}}


def request(prompt="a lighthouse", seed=5, steps=3, guidance=5.0, size=(512, 512), count=2, **extra):
    tensors = {"PROMPT": [[prompt.encode()]], "SEED": [[seed]], "STEPS": [[steps]], "GUIDANCE": [[guidance]],
               "WIDTH": [[size[0]]], "HEIGHT": [[size[1]]], "NUM_IMAGES": [[count]]}
    tensors.update(extra)
    return {name: FakeTensor(name, np.array(value, dtype=np.object_ if name in ("PROMPT", "NEGATIVE_PROMPT", "SCHEDULER", "LORA_NAMES")
                                                else np.float32 if name in ("GUIDANCE", "LORA_WEIGHTS") else np.int64))
            for name, value in tensors.items()}


class PipelineTest(unittest.TestCase):

    def render(self, name, *requests):
        return load_pipeline(name).execute(list(requests))

    def assert_images(self, response, count, size):
        self.assertFalse(response.has_error(), response.error() and response.error().message())
        images = response.output_tensors["IMAGES"].as_numpy()
        self.assertEqual(images.shape, (1, count))
        for png in images[0]:
            width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
            self.assertEqual((width, height), size)
        return response.output_tensors["SEEDS"].as_numpy()

    def test_every_pipeline_renders_pngs_of_the_requested_size_with_seeds(self):
        for name in ("sdxl", "sd35-large", "flux2"):
            with self.subTest(name):
                responses = self.render(name, request(size=(768, 512)), request(prompt="a harbour", seed=9, count=1, size=(768, 512)))
                np.testing.assert_array_equal(self.assert_images(responses[0], 2, (768, 512)), [[5, 6]])
                np.testing.assert_array_equal(self.assert_images(responses[1], 1, (768, 512)), [[9]])

    def test_guidance_doubles_the_denoiser_batch_except_for_guidance_distilled_flux2(self):
        for name, denoiser, rows in (("sdxl", "sdxl_unet", 4), ("sd35-large", "sd35_mmdit", 4), ("flux2", "flux2_transformer", 2)):
            with self.subTest(name):
                self.render(name, request(count=2))
                shapes = [inputs for model, _, inputs in FakeRequest.calls if model == denoiser]
                self.assertEqual(len(shapes), 3)  # one call per step
                self.assertEqual(next(iter(shapes[0].values()))[0][0], rows)

    def test_images_depend_on_seed_only_not_on_batch_company(self):
        alone = self.render("flux2", request(seed=11, count=1))[0].output_tensors["IMAGES"].as_numpy()[0, 0]
        batched = self.render("flux2", request(seed=3, count=1), request(seed=11, count=1))[1].output_tensors["IMAGES"].as_numpy()[0, 0]
        self.assertEqual(alone, batched)

    def test_invalid_request_is_rejected_alone(self):
        responses = self.render("sdxl", request(size=(500, 512)), request(count=1))
        self.assertTrue(responses[0].has_error())
        self.assertIn("WIDTH must be a multiple of 8", responses[0].error().message())
        self.assertEqual(responses[0].error().code, "INVALID_ARG")
        self.assert_images(responses[1], 1, (512, 512))

    def test_lora_selects_the_registered_denoiser_version_or_is_rejected(self):
        model = load_pipeline("sdxl")
        model.loras.versions = [{"version": 2, "adapters": {"ink-sketch": 0.8}}]
        lora = request(count=1, LORA_NAMES=[[b"ink-sketch"]], LORA_WEIGHTS=[[0.8]])
        unknown = request(count=1, LORA_NAMES=[[b"ink-sketch"]], LORA_WEIGHTS=[[0.3]])
        responses = model.execute([lora, unknown])
        self.assert_images(responses[0], 1, (512, 512))
        self.assertEqual({version for name, version, _ in FakeRequest.calls if name == "sdxl_unet"}, {2})
        self.assertIn("ink-sketch@0.3 has no engine on this server; available: ink-sketch@0.8", responses[1].error().message())


if __name__ == "__main__":
    unittest.main(verbosity=1)
