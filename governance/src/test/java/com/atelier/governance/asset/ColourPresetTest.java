package com.atelier.governance.asset;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColourPresetTest {

    private static BufferedImage pixel(int rgb) {
        var image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, rgb);
        return image;
    }

    private static int[] channels(BufferedImage image) {
        int p = image.getRGB(0, 0);
        return new int[]{(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
    }

    @Test
    void warmRaisesRedAndLowersBlue() {
        assertThat(channels(ColourPreset.WARM.applyTo(pixel(0x808080)))).containsExactly(140, 130, 112);
    }

    @Test
    void monochromeUsesTheLuminanceWeights() {
        int[] grey = channels(ColourPreset.MONOCHROME.applyTo(pixel(0xff0000)));
        assertThat(grey).containsExactly(54, 54, 54);
    }

    @Test
    void highContrastClampsAtTheEnds() {
        assertThat(channels(ColourPreset.HIGH_CONTRAST.applyTo(pixel(0xf0100a)))).containsExactly(255, 0, 0);
    }

    @Test
    void presetsAreNamedAsInTheApiAndUnknownOnesListTheChoices() {
        assertThat(ColourPreset.named("high-contrast")).isEqualTo(ColourPreset.HIGH_CONTRAST);
        assertThatThrownBy(() -> ColourPreset.named("sepia")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("warm").hasMessageContaining("high-contrast");
    }
}
