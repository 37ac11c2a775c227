"""Samplers of the three pipelines, in numpy, with the schedules of the diffusers schedulers they stand for.

Two families:

* ``EpsilonSampler`` - SDXL (epsilon prediction, scaled-linear betas, 1000 training steps), in the
  sigma parametrisation of k-diffusion, sigma = sqrt((1 - alpha_bar) / alpha_bar). Timesteps use the
  "leading" spacing with steps_offset 1 of SDXL's scheduler config, as diffusers' EulerDiscreteScheduler.
  ``euler``, ``euler_ancestral``, ``dpmpp_2m`` (DPM-Solver++(2M), Lu et al. 2022) and
  ``dpmpp_2m_karras`` (the same on the Karras et al. 2022 sigma ramp, rho 7). ``ddim`` with eta 0 is
  Euler's method on the same ODE (Karras et al. 2022, section 3), so it runs as ``euler``.
* ``FlowMatchEulerSampler`` - rectified flow (FLUX.2, SD3.5): x_t = (1 - sigma) x_0 + sigma noise,
  the model predicts the velocity, one Euler step per model call, sigmas shifted towards noise
  (statically for SD3.5, by image size and step count for FLUX.2), as FlowMatchEulerDiscreteScheduler.

Every sampler offers the same four things: ``timesteps[i]`` (what the denoiser is told at step i),
``init_noise_sigma``, ``scale_input(x, i)`` and ``step(i, x, model_output, noise)``.
"""
import math

import numpy as np

TRAIN_TIMESTEPS = 1000


def gaussian(seed: int, shape) -> np.ndarray:
    """Standard normal FP32 noise determined by the seed alone (PCG64), whatever else is in the batch."""
    return np.random.default_rng(seed & 0xFFFFFFFFFFFFFFFF).standard_normal(shape, dtype=np.float32)


class NoiseStreams:
    """One generator per image, for samplers that add noise at every step (ancestral)."""

    def __init__(self, seeds):
        # A stream separate from the initial latents' (seed alone): SeedSequence([seed, 1]).
        self._generators = [np.random.default_rng([seed & 0xFFFFFFFFFFFFFFFF, 1]) for seed in seeds]

    def like(self, x: np.ndarray) -> np.ndarray:
        return np.stack([g.standard_normal(x.shape[1:], dtype=np.float32) for g in self._generators])


class EpsilonSampler:
    NAMES = ("euler", "euler_ancestral", "dpmpp_2m", "dpmpp_2m_karras", "ddim")

    def __init__(self, name: str, steps: int, beta_start=0.00085, beta_end=0.012, steps_offset=1):
        if name not in self.NAMES:
            raise ValueError(f"unknown sampler '{name}', expected one of {', '.join(self.NAMES)}")
        betas = np.linspace(beta_start ** 0.5, beta_end ** 0.5, TRAIN_TIMESTEPS, dtype=np.float64) ** 2
        alphas_cumprod = np.cumprod(1.0 - betas)
        train_sigmas = np.sqrt((1.0 - alphas_cumprod) / alphas_cumprod)
        step_ratio = TRAIN_TIMESTEPS // steps
        timesteps = np.round(np.arange(steps) * step_ratio)[::-1].astype(np.float64) + steps_offset
        sigmas = np.interp(timesteps, np.arange(TRAIN_TIMESTEPS), train_sigmas)
        if name == "dpmpp_2m_karras":
            sigmas = karras_sigmas(sigmas[-1], sigmas[0], steps)
            # Fractional timesteps: the UNet's sinusoidal embedding takes any real value.
            timesteps = np.interp(np.log(sigmas), np.log(train_sigmas), np.arange(TRAIN_TIMESTEPS))
        self.name = "euler" if name == "ddim" else name
        self.timesteps = timesteps
        self.sigmas = np.append(sigmas, 0.0)
        # "leading" spacing: the first input is noise of variance sigma_max² + 1.
        self.init_noise_sigma = float(math.sqrt(sigmas.max() ** 2 + 1.0))
        self._previous_denoised = None

    def scale_input(self, x: np.ndarray, i: int) -> np.ndarray:
        return x / math.sqrt(self.sigmas[i] ** 2 + 1.0)

    def step(self, i: int, x: np.ndarray, eps: np.ndarray, noise: NoiseStreams) -> np.ndarray:
        sigma, sigma_next = float(self.sigmas[i]), float(self.sigmas[i + 1])
        denoised = x - sigma * eps
        if self.name == "euler":
            return x + eps * (sigma_next - sigma)
        if self.name == "euler_ancestral":
            sigma_up = math.sqrt(sigma_next ** 2 * (sigma ** 2 - sigma_next ** 2) / sigma ** 2)
            sigma_down = math.sqrt(sigma_next ** 2 - sigma_up ** 2)
            x = x + eps * (sigma_down - sigma)
            return x + noise.like(x) * sigma_up if sigma_next > 0 else x
        # DPM-Solver++(2M) in log-sigma time, data prediction, second order from the previous step.
        previous, self._previous_denoised = self._previous_denoised, denoised
        if sigma_next == 0.0:
            return denoised
        h = math.log(sigma) - math.log(sigma_next)
        if previous is not None:
            h_last = math.log(float(self.sigmas[i - 1])) - math.log(sigma)
            r = h_last / h
            denoised = (1 + 1 / (2 * r)) * denoised - (1 / (2 * r)) * previous
        return (sigma_next / sigma) * x - math.expm1(-h) * denoised


def karras_sigmas(sigma_min: float, sigma_max: float, steps: int, rho: float = 7.0) -> np.ndarray:
    ramp = np.linspace(0.0, 1.0, steps)
    min_inv, max_inv = sigma_min ** (1 / rho), sigma_max ** (1 / rho)
    return (max_inv + ramp * (min_inv - max_inv)) ** rho


class FlowMatchEulerSampler:
    NAMES = ("flow_match_euler",)

    def __init__(self, sigmas: np.ndarray, mu: float):
        # Exponential time shift: sigma' = e^mu / (e^mu + 1/sigma - 1); mu = ln(shift) is SD3's static shift.
        shifted = math.exp(mu) / (math.exp(mu) + (1.0 / sigmas - 1.0))
        self.timesteps = shifted * TRAIN_TIMESTEPS
        self.sigmas = np.append(shifted, 0.0)
        self.init_noise_sigma = 1.0

    @classmethod
    def for_sd3(cls, steps: int, shift: float = 3.0) -> "FlowMatchEulerSampler":
        """SD3 / SD3.5: from sigma_max to the training schedule's (shifted) sigma_min, static shift."""
        sigma_min = shift * (1 / TRAIN_TIMESTEPS) / (1 + (shift - 1) * (1 / TRAIN_TIMESTEPS))
        return cls(np.linspace(1.0, sigma_min, steps), math.log(shift))

    @classmethod
    def for_flux2(cls, steps: int, image_seq_len: int) -> "FlowMatchEulerSampler":
        """FLUX.2: sigmas 1 .. 1/steps, shifted by diffusers' empirical mu of image size and step count."""
        return cls(np.linspace(1.0, 1.0 / steps, steps), flux2_mu(image_seq_len, steps))

    def scale_input(self, x: np.ndarray, i: int) -> np.ndarray:
        return x

    def step(self, i: int, x: np.ndarray, velocity: np.ndarray, noise: NoiseStreams) -> np.ndarray:
        return x + velocity * float(self.sigmas[i + 1] - self.sigmas[i])


def flux2_mu(image_seq_len: int, steps: int) -> float:
    """diffusers' compute_empirical_mu (pipeline_flux2.py): a line in steps between fits at 10 and 200 steps."""
    a1, b1 = 8.73809524e-05, 1.89833333
    a2, b2 = 0.00016927, 0.45666666
    if image_seq_len > 4300:
        return float(a2 * image_seq_len + b2)
    m_200 = a2 * image_seq_len + b2
    m_10 = a1 * image_seq_len + b1
    a = (m_200 - m_10) / 190.0
    return float(a * steps + (m_200 - 200.0 * a))
