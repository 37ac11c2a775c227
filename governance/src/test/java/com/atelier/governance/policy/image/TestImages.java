package com.atelier.governance.policy.image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntBinaryOperator;

/** Builds small PNGs for the image check tests. */
final class TestImages {

    private TestImages() {
    }

    /** A PNG whose pixel (x, y) is {@code colour.applyAsInt(x, y)}, 0xRRGGBB, opaque. */
    static byte[] png(int width, int height, IntBinaryOperator colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour.applyAsInt(x, y));
            }
        }
        return encode(image);
    }

    /** The left {@code leftShare} of the image in one colour, the rest in another. */
    static byte[] split(int size, int left, int right, double leftShare) {
        return png(size, size, (x, y) -> x < size * leftShare ? left : right);
    }

    static byte[] transparent(int width, int height) {
        return encode(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB));
    }

    static byte[] encode(BufferedImage image) {
        try {
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
