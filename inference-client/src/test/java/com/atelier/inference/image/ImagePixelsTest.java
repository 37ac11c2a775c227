package com.atelier.inference.image;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ImagePixelsTest {

    @Test
    void aDecodedRgbPngBecomesTheSameHwcBytesAsItsPixelsSay() {
        BufferedImage drawn = new BufferedImage(37, 23, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                drawn.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        BufferedImage decoded = ImagePixels.readPng(ImagePixels.writePng(drawn));
        assertThat(decoded.getType()).as("the layout the fast path reads").isEqualTo(BufferedImage.TYPE_3BYTE_BGR);

        byte[] hwc = ImagePixels.toHwcRgb(decoded);

        assertThat(hwc).hasSize(37 * 23 * 3);
        for (int y = 0; y < drawn.getHeight(); y++) {
            for (int x = 0; x < drawn.getWidth(); x++) {
                int rgb = drawn.getRGB(x, y);
                int at = (y * drawn.getWidth() + x) * 3;
                assertThat(new int[]{hwc[at] & 0xff, hwc[at + 1] & 0xff, hwc[at + 2] & 0xff})
                        .as("pixel %d,%d", x, y)
                        .containsExactly((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
            }
        }
        assertThat(ImagePixels.toHwcRgb(drawn)).as("the general path agrees").isEqualTo(hwc);
    }
}
