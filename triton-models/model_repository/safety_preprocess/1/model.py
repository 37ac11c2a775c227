"""Safety classifier preprocessing (Triton Python backend, numpy only): an RGB HWC UINT8 image of any size
to the CLIP ViT-L/14 input, 3 x 224 x 224 FP16. As CLIP's image processor: shortest side resized to 224,
centre crop, scaled to [0, 1], normalised with CLIP's mean and standard deviation. Resizing here is
bilinear (CLIP's processor uses bicubic): scores can differ slightly from a PIL-based reference.
"""
import numpy as np
import triton_python_backend_utils as pb_utils

SIDE = 224
CLIP_MEAN = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
CLIP_STD = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)


def resize_bilinear(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """HWC float image resized with bilinear interpolation (pixel centres aligned, as PIL and OpenCV)."""
    in_h, in_w = image.shape[:2]
    ys = np.clip((np.arange(height) + 0.5) * in_h / height - 0.5, 0, in_h - 1)
    xs = np.clip((np.arange(width) + 0.5) * in_w / width - 0.5, 0, in_w - 1)
    y0, x0 = np.floor(ys).astype(int), np.floor(xs).astype(int)
    y1, x1 = np.minimum(y0 + 1, in_h - 1), np.minimum(x0 + 1, in_w - 1)
    wy, wx = (ys - y0)[:, None, None], (xs - x0)[None, :, None]
    top = image[y0][:, x0] * (1 - wx) + image[y0][:, x1] * wx
    bottom = image[y1][:, x0] * (1 - wx) + image[y1][:, x1] * wx
    return top * (1 - wy) + bottom * wy


def preprocess(rgb: np.ndarray) -> np.ndarray:
    height, width = rgb.shape[:2]
    scale = SIDE / min(height, width)
    resized = resize_bilinear(rgb.astype(np.float32) / 255.0, max(SIDE, round(height * scale)), max(SIDE, round(width * scale)))
    top, left = (resized.shape[0] - SIDE) // 2, (resized.shape[1] - SIDE) // 2
    crop = resized[top:top + SIDE, left:left + SIDE]
    return ((crop - CLIP_MEAN) / CLIP_STD).transpose(2, 0, 1).astype(np.float16)


class TritonPythonModel:
    def execute(self, requests):
        responses = []
        for request in requests:
            # Ragged batching: every request keeps its own image size; its batch is usually 1.
            images = pb_utils.get_input_tensor_by_name(request, "IMAGE").as_numpy()
            pixels = np.stack([preprocess(image) for image in images])
            responses.append(pb_utils.InferenceResponse(output_tensors=[pb_utils.Tensor("PIXELS", pixels)]))
        return responses
