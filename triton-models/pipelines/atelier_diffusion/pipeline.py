"""The part the three BLS text-to-image models share: reading and validating requests, grouping them
into denoiser batches, calling composing models, choosing the LoRA engine version, writing responses.

A model.py declares its composing models' tensors in a literal ``SUBMODELS`` dict (checked against the
configs by build/check_repository.py) and implements ``load_tokenizers``, ``encode``, ``initial_latents``,
``sampler``, ``predict`` and ``decode``; everything else is here.
"""
import json
import logging
import os
from dataclasses import dataclass, field
from typing import Dict, List, Tuple

import numpy as np

from .png import encode_png, to_rgb8
from .samplers import NoiseStreams, gaussian

try:
    import triton_python_backend_utils as pb_utils
except ImportError:  # outside Triton (syntax checks, sampler tests): only the pure parts are usable
    pb_utils = None

LOG = logging.getLogger("atelier.pipeline")

NUMPY_TYPES = {"TYPE_FP16": np.float16, "TYPE_FP32": np.float32, "TYPE_INT32": np.int32, "TYPE_INT64": np.int64}


class InvalidRequest(ValueError):
    """A request the pipeline cannot serve as asked; answered with INVALID_ARG, other requests go on."""


@dataclass(frozen=True)
class Limits:
    """The same ranges as the client's GenerationLimits (ModelCatalog); checked again here for other callers."""
    size_multiple: int
    min_side: int
    schedulers: Tuple[str, ...]
    max_side: int = 2048
    max_steps: int = 100
    max_guidance: float = 20.0
    max_count: int = 4
    max_loras: int = 4
    max_lora_weight: float = 2.0


@dataclass(frozen=True)
class Job:
    """One request: one prompt, ``count`` images with seeds seed, seed + 1, ..."""
    request: int
    prompt: str
    negative: str
    seed: int
    steps: int
    guidance: float
    width: int
    height: int
    count: int
    scheduler: str
    loras: Tuple[Tuple[str, float], ...]


@dataclass(frozen=True)
class BatchKey:
    """What images must share to go through the denoiser together."""
    width: int
    height: int
    steps: int
    scheduler: str
    loras: Tuple[Tuple[str, float], ...]
    guided: bool


@dataclass
class Batch:
    """Images rendered together: one entry per image, in order."""
    key: BatchKey
    jobs: List[Job]
    seeds: List[int]
    guidance: np.ndarray
    denoiser_version: int
    conditioning: Dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self):
        return len(self.seeds)


class Submodel:
    """A composing model called through BLS with exactly its declared tensors, in chunks of its max batch."""

    def __init__(self, name: str, spec: dict):
        self.name = name
        self.inputs = {tensor: NUMPY_TYPES[kind] for tensor, kind in spec["inputs"].items()}
        self.outputs = list(spec["outputs"])
        self.max_batch = int(spec["max_batch"])

    def __call__(self, version: int = -1, **arrays: np.ndarray) -> Dict[str, np.ndarray]:
        if set(arrays) != set(self.inputs):
            raise ValueError(f"{self.name} takes {sorted(self.inputs)}, was given {sorted(arrays)}")
        size = len(next(iter(arrays.values())))
        chunks = []
        for start in range(0, size, self.max_batch):
            tensors = [pb_utils.Tensor(tensor, np.ascontiguousarray(arrays[tensor][start:start + self.max_batch], dtype=kind))
                       for tensor, kind in self.inputs.items()]
            response = pb_utils.InferenceRequest(
                model_name=self.name, model_version=version, requested_output_names=self.outputs, inputs=tensors,
                # numpy works on host memory; the copies are small against a denoiser step (see README).
                preferred_memory=pb_utils.PreferredMemory(pb_utils.TRITONSERVER_MEMORY_CPU, 0)).exec()
            if response.has_error():
                raise RuntimeError(f"{self.name} (version {version}) failed: {response.error().message()}")
            chunks.append({out: pb_utils.get_output_tensor_by_name(response, out).as_numpy() for out in self.outputs})
        return {out: np.concatenate([chunk[out] for chunk in chunks]) for out in self.outputs}


class LoraVersions:
    """loras.json next to config.pbtxt: which version of the denoiser has which adapters merged in.

    {"base_version": 1, "versions": [{"version": 2, "adapters": {"ink-sketch": 0.8}}]}

    Version 1 is the base engine. Other versions are engines built from LoRA-merged ONNX
    (``lora_mode`` "premerged": export_onnx.py --lora) or refitted copies of a refittable engine
    (``lora_mode`` "refit": refit_lora.py), registered here by refit_lora.py --manifest. The denoiser's
    config loads every version (version_policy all). A request's adapters must match one entry: the
    same names, each weight within WEIGHT_TOLERANCE; there is no merging at request time.
    """
    WEIGHT_TOLERANCE = 0.05

    def __init__(self, base_version: int, versions: List[dict]):
        self.base_version = base_version
        self.versions = versions

    @classmethod
    def load(cls, path: str) -> "LoraVersions":
        if not os.path.exists(path):
            return cls(1, [])
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        return cls(int(manifest.get("base_version", 1)), list(manifest.get("versions", [])))

    def version_for(self, loras: Tuple[Tuple[str, float], ...]) -> int:
        if not loras:
            return self.base_version
        wanted = dict(loras)
        for entry in self.versions:
            built = entry["adapters"]
            if set(built) == set(wanted) and all(abs(built[name] - wanted[name]) <= self.WEIGHT_TOLERANCE for name in wanted):
                return int(entry["version"])
        available = ["+".join(f"{name}@{weight:g}" for name, weight in sorted(e["adapters"].items())) for e in self.versions]
        raise InvalidRequest("LoRA combination " + "+".join(f"{n}@{w:g}" for n, w in sorted(loras))
                             + " has no engine on this server; available: " + (", ".join(available) or "none"))


class TextToImagePipeline:
    """Base of the TritonPythonModel classes of flux2, sdxl and sd35-large."""

    LIMITS: Limits
    SUBMODELS: dict

    # --- Triton entry points ---------------------------------------------------------------------

    def initialize(self, args):
        config = json.loads(args["model_config"])
        self.model_dir = args["model_repository"]
        self.parameters = {key: value["string_value"] for key, value in config.get("parameters", {}).items()}
        self.submodels = {}
        for role, spec in self.SUBMODELS.items():
            names = self.parameters[role].split(",")
            specs = spec if isinstance(spec, list) else [spec]
            if len(names) != len(specs):
                raise ValueError(f"parameter {role} names {len(names)} models, model.py declares {len(specs)}")
            models = [Submodel(name.strip(), s) for name, s in zip(names, specs)]
            self.submodels[role] = models if isinstance(spec, list) else models[0]
        self.loras = LoraVersions.load(os.path.join(self.model_dir, "loras.json"))
        self.load_tokenizers()

    def execute(self, requests):
        responses = [None] * len(requests)
        jobs = []
        for index, request in enumerate(requests):
            try:
                jobs.append(self.read_job(index, request))
            except InvalidRequest as e:
                responses[index] = error_response(str(e), invalid=True)
        groups: Dict[BatchKey, List[Job]] = {}
        for job in jobs:
            groups.setdefault(self.batch_key(job), []).append(job)
        for key, group in groups.items():
            try:
                pngs = self.render(key, group)
                for job in group:
                    seeds = np.array([[job.seed + i for i in range(job.count)]], dtype=np.int64)
                    images = np.array([pngs[(job.request, i)] for i in range(job.count)], dtype=np.object_).reshape(1, -1)
                    responses[job.request] = pb_utils.InferenceResponse(
                        output_tensors=[pb_utils.Tensor("IMAGES", images), pb_utils.Tensor("SEEDS", seeds)])
            except InvalidRequest as e:
                for job in group:
                    responses[job.request] = error_response(str(e), invalid=True)
            except Exception as e:  # noqa: BLE001 - one failing batch must not fail the others
                LOG.exception("rendering %s failed", key)
                for job in group:
                    responses[job.request] = error_response(f"rendering failed: {e}", invalid=False)
        return responses

    def finalize(self):
        self.submodels = {}

    # --- requests --------------------------------------------------------------------------------

    def read_job(self, index: int, request) -> Job:
        limits = self.LIMITS
        names = [name.decode("utf-8") for name in optional_array(request, "LORA_NAMES", np.object_)]
        weights = [float(w) for w in optional_array(request, "LORA_WEIGHTS", np.float32)]
        job = Job(request=index,
                  prompt=scalar(request, "PROMPT").decode("utf-8"),
                  negative=scalar(request, "NEGATIVE_PROMPT", b"").decode("utf-8"),
                  seed=int(scalar(request, "SEED")), steps=int(scalar(request, "STEPS")),
                  guidance=float(scalar(request, "GUIDANCE")), width=int(scalar(request, "WIDTH")),
                  height=int(scalar(request, "HEIGHT")), count=int(scalar(request, "NUM_IMAGES")),
                  scheduler=scalar(request, "SCHEDULER", b"").decode("utf-8") or limits.schedulers[0],
                  loras=tuple(sorted(zip(names, weights))))
        problems = []
        for side, value in (("WIDTH", job.width), ("HEIGHT", job.height)):
            if not limits.min_side <= value <= limits.max_side or value % limits.size_multiple:
                problems.append(f"{side} must be a multiple of {limits.size_multiple} in "
                                f"[{limits.min_side}, {limits.max_side}], was {value}")
        if not 1 <= job.steps <= limits.max_steps:
            problems.append(f"STEPS must be in [1, {limits.max_steps}], was {job.steps}")
        if not 0.0 <= job.guidance <= limits.max_guidance:
            problems.append(f"GUIDANCE must be in [0, {limits.max_guidance:g}], was {job.guidance:g}")
        if not 1 <= job.count <= limits.max_count:
            problems.append(f"NUM_IMAGES must be in [1, {limits.max_count}], was {job.count}")
        if job.scheduler not in limits.schedulers:
            problems.append(f"SCHEDULER must be one of {', '.join(limits.schedulers)}, was '{job.scheduler}'")
        if len(names) != len(weights) or len(names) > limits.max_loras:
            problems.append(f"LORA_NAMES and LORA_WEIGHTS must pair up, at most {limits.max_loras}")
        if any(not 0.0 <= w <= limits.max_lora_weight for w in weights):
            problems.append(f"LORA_WEIGHTS must be in [0, {limits.max_lora_weight:g}]")
        if problems:
            raise InvalidRequest("; ".join(problems))
        return job

    def guided(self, job: Job) -> bool:
        """Whether the job runs classifier-free guidance (two denoiser passes per image); overridden by FLUX.2."""
        return job.guidance > 1.0

    def batch_key(self, job: Job) -> BatchKey:
        return BatchKey(job.width, job.height, job.steps, job.scheduler, job.loras, self.guided(job))

    # --- rendering -------------------------------------------------------------------------------

    def render(self, key: BatchKey, jobs: List[Job]) -> Dict[Tuple[int, int], bytes]:
        """All images of the jobs, in denoiser-sized batches; keyed by (request, image index)."""
        version = self.loras.version_for(key.loras)
        images = [(job, i) for job in jobs for i in range(job.count)]
        per_batch = max(1, self.submodels["denoiser"].max_batch // (2 if key.guided else 1))
        pngs = {}
        for start in range(0, len(images), per_batch):
            chunk = images[start:start + per_batch]
            batch = Batch(key=key, jobs=[job for job, _ in chunk], seeds=[job.seed + i for job, i in chunk],
                          guidance=np.array([job.guidance for job, _ in chunk], dtype=np.float32),
                          denoiser_version=version)
            for (job, i), rgb in zip(chunk, to_rgb8(self.denoise(batch))):
                pngs[(job.request, i)] = encode_png(rgb)
        return pngs

    def denoise(self, batch: Batch) -> np.ndarray:
        """Text encoding, the sampler loop and the VAE: NCHW images in [-1, 1]."""
        batch.conditioning = self.encode(batch)
        sampler = self.sampler(batch)
        latents = self.initial_latents(batch) * sampler.init_noise_sigma
        noise = NoiseStreams(batch.seeds)
        for i in range(len(sampler.timesteps)):
            model_output = self.predict(batch, sampler, i, latents)
            latents = sampler.step(i, latents, model_output, noise)
        return self.decode(batch, latents)

    def noise(self, batch: Batch, shape) -> np.ndarray:
        """The initial latents: one standard normal draw per image from its own seed."""
        return np.stack([gaussian(seed, shape) for seed in batch.seeds])

    @staticmethod
    def combine_guidance(batch: Batch, prediction: np.ndarray) -> np.ndarray:
        """Classifier-free guidance over a [unconditional; conditional] doubled batch, per-image scale."""
        n = len(batch)
        unconditional, conditional = prediction[:n], prediction[n:]
        scale = batch.guidance.reshape((n,) + (1,) * (prediction.ndim - 1))
        return unconditional + scale * (conditional - unconditional)

    @staticmethod
    def unique_texts(texts: List[str]) -> Tuple[List[str], np.ndarray]:
        """Distinct texts to encode once, and for each image the index of its text."""
        distinct = list(dict.fromkeys(texts))
        return distinct, np.array([distinct.index(text) for text in texts])

    # --- per model -------------------------------------------------------------------------------

    def load_tokenizers(self):
        raise NotImplementedError

    def encode(self, batch: Batch) -> Dict[str, np.ndarray]:
        raise NotImplementedError

    def sampler(self, batch: Batch):
        raise NotImplementedError

    def initial_latents(self, batch: Batch) -> np.ndarray:
        raise NotImplementedError

    def predict(self, batch: Batch, sampler, i: int, latents: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def decode(self, batch: Batch, latents: np.ndarray) -> np.ndarray:
        raise NotImplementedError


def scalar(request, name: str, default=None):
    tensor = pb_utils.get_input_tensor_by_name(request, name)
    if tensor is None:
        if default is None:
            raise InvalidRequest(f"input {name} is required")
        return default
    return tensor.as_numpy().reshape(-1)[0]


def optional_array(request, name: str, dtype) -> np.ndarray:
    tensor = pb_utils.get_input_tensor_by_name(request, name)
    return np.zeros(0, dtype=dtype) if tensor is None else tensor.as_numpy().reshape(-1)


def error_response(message: str, invalid: bool):
    code = getattr(pb_utils.TritonError, "INVALID_ARG" if invalid else "INTERNAL", None)
    error = pb_utils.TritonError(message, code) if code is not None else pb_utils.TritonError(message)
    return pb_utils.InferenceResponse(output_tensors=[], error=error)


def library_tokenizer(model_dir: str, subfolder: str, kind: str = "AutoTokenizer"):
    """A Hugging Face tokenizer saved next to config.pbtxt by export_onnx.py (transformers is needed here only)."""
    import transformers  # in the Triton image: pip install transformers (see README)
    return getattr(transformers, kind).from_pretrained(os.path.join(model_dir, subfolder))


def token_ids(tokenizer, texts: List[str], length: int, dtype=np.int32) -> np.ndarray:
    """Padded to ``length``, truncated beyond it, as the diffusers pipelines tokenize."""
    return tokenizer(texts, padding="max_length", max_length=length, truncation=True,
                     return_tensors="np").input_ids.astype(dtype)
