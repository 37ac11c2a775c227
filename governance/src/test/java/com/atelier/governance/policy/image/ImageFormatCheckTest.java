package com.atelier.governance.policy.image;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatCheckTest {

    private static byte[] gradient(int width, int height) {
        return TestImages.png(width, height, (x, y) -> ((x * 255 / width) << 16) | ((y * 255 / height) << 8));
    }

    @Test
    void acceptsAPngOfTheRequestedSizeWithContent() {
        assertThat(ImageFormatCheck.reasons(gradient(128, 96), 128, 96)).isEmpty();
    }

    @Test
    void flagsEmptyDataAndDataThatIsNotAPng() {
        assertThat(ImageFormatCheck.reasons(new byte[0], 64, 64)).containsExactly("The image is empty (0 bytes).");
        assertThat(ImageFormatCheck.reasons("GIF89a...".getBytes(), 64, 64)).singleElement().asString()
                .contains("not a PNG");
    }

    @Test
    void flagsAPngOfAnotherSize() {
        assertThat(ImageFormatCheck.reasons(gradient(128, 96), 1024, 1024)).singleElement().asString()
                .contains("128×96").contains("1024×1024 was requested");
    }

    @Test
    void flagsAUniformImage() {
        assertThat(ImageFormatCheck.reasons(TestImages.png(64, 64, (x, y) -> 0x808080), 64, 64)).singleElement()
                .asString().contains("uniform");
    }

    @Test
    void flagsAFullyTransparentImage() {
        assertThat(ImageFormatCheck.reasons(TestImages.transparent(32, 32), 32, 32)).anySatisfy(r ->
                assertThat(r).contains("transparent"));
    }

    @Test
    void flagsATruncatedPng() {
        byte[] png = gradient(64, 64);
        assertThat(ImageFormatCheck.reasons(Arrays.copyOf(png, 60), 64, 64)).singleElement().asString()
                .contains("cannot be decoded");
    }
}
