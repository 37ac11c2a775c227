package com.atelier.governance.asset;

/** A port: enlarges an image four times on the inference servers (Triton's {@code upscaler_4x}). */
public interface Upscaler {

    /** The largest side an image may have to be upscaled. */
    int maxInputSide();

    /** The upscaled image as PNG. */
    byte[] upscale(byte[] png);
}
