package com.atelier.governance.policy.image;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PaletteCheckTest {

    private static final int BRAND_RED = 0xE30613;
    private static final int BRAND_WHITE = 0xFFFFFF;
    private static final List<String> PALETTE = List.of("#e30613", "#FFFFFF");

    @Test
    void anImageInThePalettesColoursIsOnBrand() {
        PaletteReport report = new PaletteCheck(PALETTE, 10).check(TestImages.split(256, BRAND_RED, BRAND_WHITE, 0.25));

        assertThat(report.skipped()).isFalse();
        assertThat(report.offBrand()).isFalse();
        assertThat(report.meanDeltaE()).isLessThan(1);
        assertThat(report.dominantColours()).hasSize(2);
        assertThat(report.dominantColours().get(0).hex()).isEqualTo("#ffffff");
        assertThat(report.dominantColours().get(0).share()).isCloseTo(0.75, within(0.02));
        assertThat(report.dominantColours().get(1).nearestPaletteColour()).isEqualTo("#e30613");
        assertThat(report.reason()).startsWith("On brand");
    }

    @Test
    void anImageMostlyInOtherColoursIsOffBrandAndTheReasonNamesThem() {
        int competitorBlue = 0x004B93;
        PaletteReport report = new PaletteCheck(PALETTE, 10).check(TestImages.split(256, competitorBlue, BRAND_WHITE, 0.6));

        assertThat(report.offBrand()).isTrue();
        assertThat(report.meanDeltaE()).isGreaterThan(10);
        assertThat(report.dominantColours().get(0).hex()).isEqualTo("#004b93");
        assertThat(report.dominantColours().get(0).deltaE()).isGreaterThan(30);
        assertThat(report.reason()).startsWith("Off brand").contains("#004b93").contains("threshold 10.0");
    }

    @Test
    void weighsEachColourByItsShareOfTheImage() {
        int blue = 0x004B93;
        double blueDistance = new PaletteCheck(PALETTE, 10).check(TestImages.split(128, blue, blue, 1)).meanDeltaE();
        PaletteReport tenPercentBlue = new PaletteCheck(PALETTE, 10).check(TestImages.split(128, blue, BRAND_RED, 0.1));

        assertThat(tenPercentBlue.meanDeltaE()).isCloseTo(blueDistance * 0.1, within(blueDistance * 0.02));
        assertThat(tenPercentBlue.offBrand()).isFalse();
    }

    @Test
    void skipsTheCheckWhenThePaletteIsEmpty() {
        PaletteReport report = new PaletteCheck(List.of(), 10).check(TestImages.split(64, 0x123456, 0x654321, 0.5));
        assertThat(report.skipped()).isTrue();
        assertThat(report.offBrand()).isFalse();
        assertThat(report.reason()).contains("skipped");
    }

    @Test
    void givesTheSameReportForTheSameImage() {
        byte[] noise = TestImages.png(300, 200, (x, y) -> (x * 2654435761L ^ y * 40503L) > 0 ? (x * 7919 + y * 104729) & 0xFFFFFF : 0);
        PaletteCheck check = new PaletteCheck(PALETTE, 10);
        assertThat(check.check(noise)).isEqualTo(check.check(noise));
    }

    @Test
    void refusesBytesThatAreNotAPng() {
        assertThatThrownBy(() -> new PaletteCheck(PALETTE, 10).check(new byte[]{1, 2, 3}))
                .isInstanceOf(UnreadableImageException.class);
    }
}
