"""PNG encoding with the standard library (zlib), so that the pipelines need no imaging package."""
import struct
import zlib

import numpy as np


def to_rgb8(images: np.ndarray) -> np.ndarray:
    """VAE output, NCHW in [-1, 1] (any float type), to NHWC UINT8."""
    pixels = np.clip(images.astype(np.float32) / 2.0 + 0.5, 0.0, 1.0)
    return np.round(pixels * 255.0).astype(np.uint8).transpose(0, 2, 3, 1)


def encode_png(rgb: np.ndarray, compression: int = 6) -> bytes:
    """One HWC UINT8 RGB image as PNG bytes (8-bit truecolour, no filter, no interlace)."""
    if rgb.dtype != np.uint8 or rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected HxWx3 uint8, got {rgb.shape} {rgb.dtype}")
    height, width, _ = rgb.shape
    # Each scanline starts with its filter type byte (0: none).
    scanlines = np.concatenate([np.zeros((height, 1), np.uint8), rgb.reshape(height, width * 3)], axis=1)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(scanlines.tobytes(), compression)) + _chunk(b"IEND", b""))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
