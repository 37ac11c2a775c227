package com.atelier.governance.policy.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSampleTest {

    /** Noise over gradients, so that the encoder uses every row filter. */
    private static BufferedImage noisy(int width, int height, int type) {
        var random = new SplittableRandom(width * 31L + height);
        var image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(0, 40);
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? (x * 255 / width) : 0xFF;
                image.setRGB(x, y, (alpha << 24) | (((x + n) & 0xFF) << 16) | (((y * 3 + n) & 0xFF) << 8)
                        | ((x ^ y) & 0xFF));
            }
        }
        return image;
    }

    @ParameterizedTest
    @CsvSource({"1024, 1024, 1", "1000, 700, 1", "64, 64, 1", "50, 30, 1", "333, 257, 2", "640, 480, 2"})
    void fastPathReadsTheSameSamplesAsImageIO(int width, int height, int kind) {
        int type = kind == 1 ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        byte[] png = TestImages.encode(noisy(width, height, type));

        ImageSample fast = ImageSample.of(png);
        ImageSample imageIo = ImageSample.of(png, false);

        assertThat(fast.columns()).isEqualTo(imageIo.columns());
        assertThat(fast.argb()).isEqualTo(imageIo.argb());
        assertThat(fast.header()).isEqualTo(new PngHeader(width, height));
    }

    @Test
    void samplesAboutSixtyFourBySixtyFourPixels() {
        ImageSample sample = ImageSample.of(TestImages.encode(noisy(1024, 768, BufferedImage.TYPE_INT_RGB)));
        assertThat(sample.columns()).isEqualTo(64);
        assertThat(sample.argb()).hasSize(64 * 64);
    }

    @Test
    void readsPalettePngsThroughImageIO() {
        var indexed = new BufferedImage(100, 80, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.createGraphics().drawImage(noisy(100, 80, BufferedImage.TYPE_INT_RGB), 0, 0, null);
        ImageSample sample = ImageSample.of(TestImages.encode(indexed));
        assertThat(sample.header()).isEqualTo(new PngHeader(100, 80));
        assertThat(sample.argb()).hasSize(100 * 80);
    }

    @Test
    void refusesAPngDeclaringMorePixelsThanItDecodes() {
        byte[] png = TestImages.encode(noisy(8, 8, BufferedImage.TYPE_INT_RGB));
        png[16] = 0x7F; // width ≈ 2^31
        assertThatThrownBy(() -> ImageSample.of(png)).isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining("more than");
    }

    @Test
    void refusesTruncatedImageData() {
        byte[] png = TestImages.encode(noisy(200, 200, BufferedImage.TYPE_INT_RGB));
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        assertThatThrownBy(() -> ImageSample.of(truncated)).isInstanceOf(UnreadableImageException.class);
    }
}
