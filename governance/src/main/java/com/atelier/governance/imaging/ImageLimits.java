package com.atelier.governance.imaging;

import java.util.List;

/**
 * What an image must be before any of its pixels is decoded: file size, side lengths, pixel count and format.
 * The pixel count matters on its own: a small file can declare a huge canvas (a decompression bomb), and the
 * decoder would allocate width × height × 4 bytes for it.
 *
 * @param formats the formats accepted, as ImageIO names them in lower case ("png", "jpeg"), in the order messages
 *                name them
 */
public record ImageLimits(long maxBytes, int minSide, int maxSide, long maxPixels, List<String> formats) {

    public static final List<String> PNG_OR_JPEG = List.of("png", "jpeg");

    public ImageLimits {
        if (maxBytes < 1 || minSide < 1 || maxSide < minSide || maxPixels < 1 || formats.isEmpty()) {
            throw new IllegalArgumentException("inconsistent image limits");
        }
        formats = List.copyOf(formats);
    }
}
