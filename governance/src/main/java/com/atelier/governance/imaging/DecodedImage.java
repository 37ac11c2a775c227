package com.atelier.governance.imaging;

import java.awt.image.BufferedImage;

/**
 * An image that passed its limits: its format ("png" or "jpeg"), its size and, once decoded, its pixels (null when
 * only its header was inspected).
 */
public record DecodedImage(String format, int width, int height, BufferedImage pixels) {

    public String mediaType() {
        return format.equals("jpeg") ? "image/jpeg" : "image/" + format;
    }
}
