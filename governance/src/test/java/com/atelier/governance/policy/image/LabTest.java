package com.atelier.governance.policy.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LabTest {

    @Test
    void convertsSrgbToLabWithTheD65White() {
        Lab white = Lab.ofHex("#ffffff");
        assertThat(white.l()).isCloseTo(100, within(0.01));
        assertThat(white.a()).isCloseTo(0, within(0.01));
        assertThat(white.b()).isCloseTo(0, within(0.01));

        Lab red = Lab.ofHex("#ff0000");
        assertThat(red.l()).isCloseTo(53.24, within(0.01));
        assertThat(red.a()).isCloseTo(80.09, within(0.01));
        assertThat(red.b()).isCloseTo(67.20, within(0.01));

        Lab black = Lab.ofHex("#000000");
        assertThat(black.l()).isCloseTo(0, within(1e-9));
    }

    @Test
    void convertsBackToTheSameHexColour() {
        for (String hex : new String[]{"#000000", "#ffffff", "#e30613", "#00a0e3", "#7f7f7f", "#123456", "#fedcba"}) {
            assertThat(Lab.ofHex(hex).hex()).isEqualTo(hex);
        }
    }

    @Test
    void acceptsOnlyColoursWrittenAsSixHexDigits() {
        assertThat(Lab.isHex("#E30613")).isTrue();
        assertThat(Lab.isHex("e30613")).isFalse();
        assertThat(Lab.isHex("#fff")).isFalse();
        assertThat(Lab.isHex("#gggggg")).isFalse();
        assertThatThrownBy(() -> Lab.ofHex("red")).hasMessageContaining("#rrggbb");
    }
}
