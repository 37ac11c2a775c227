package com.atelier.governance.policy;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import static com.atelier.governance.policy.PolicyDrafts.draft;
import static org.assertj.core.api.Assertions.assertThat;

class BrandOutputCheckTest {

    private static byte[] halves(int size, int left, int right) throws IOException {
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, x < size / 2 ? left : right);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static VersionedBrandPolicy policy(BrandPolicy policy) {
        return new VersionedBrandPolicy("acme", 4, policy, Optional.of(Instant.EPOCH), Optional.of("bea"));
    }

    @Test
    void passesAnOnBrandImageOfTheRequestedSize() throws IOException {
        var outcome = BrandOutputCheck.check(policy(draft().palette("#e30613", "#ffffff").threshold(10.0).policy()),
                halves(128, 0xE30613, 0xFFFFFF), 128, 128);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.palette()).hasValueSatisfying(r -> assertThat(r.offBrand()).isFalse());
        assertThat(outcome.policyVersion()).isEqualTo(4);
    }

    @Test
    void blocksAnOffBrandImageWithTheReportsReason() throws IOException {
        var outcome = BrandOutputCheck.check(policy(draft().palette("#e30613", "#ffffff").threshold(10.0).policy()),
                halves(128, 0x004B93, 0x00A651), 128, 128);
        assertThat(outcome.reasons()).singleElement().asString().startsWith("Off brand");
    }

    @Test
    void skipsThePaletteWhenThereIsNoneButStillChecksTheFormat() throws IOException {
        var outcome = BrandOutputCheck.check(VersionedBrandPolicy.none("acme"), halves(64, 0x004B93, 0x00A651),
                128, 128);
        assertThat(outcome.palette()).isEmpty();
        assertThat(outcome.reasons()).singleElement().asString().contains("128×128 was requested");
    }

    @Test
    void reportsBothAWrongSizeAndABlankImage() throws IOException {
        var outcome = BrandOutputCheck.check(policy(draft().palette("#000000").policy()),
                halves(64, 0x000000, 0x000000), 32, 32);
        assertThat(outcome.reasons()).hasSize(2);
        assertThat(outcome.reasons().get(1)).contains("uniform");
    }
}
