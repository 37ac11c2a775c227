package com.atelier.localtriton;

import static com.atelier.localtriton.LocalTritonFixture.deadTarget;
import static com.atelier.localtriton.LocalTritonFixture.settingsFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atelier.inference.InvalidInferenceRequestException;
import com.atelier.inference.TritonClient;
import com.atelier.inference.UnknownModelException;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.image.GeneratedImage;
import com.atelier.inference.image.ImagePixels;
import com.atelier.inference.image.SafetyScores;
import com.atelier.inference.image.TextToImageRequest;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextToImageTest {

    @RegisterExtension
    static final LocalTritonExtension LOCAL = new LocalTritonExtension();

    private static TextToImageRequest.Builder lighthouse(String model) {
        return TextToImageRequest.builder(model, "a lighthouse at dusk, oil painting").seed(42).size(256 * 2, 256 * 2).steps(20);
    }

    @ParameterizedTest
    @CsvSource({"flux2, 256, 256", "sdxl, 512, 768", "sd35-large, 1024, 512", "sdxl, 2048, 2048"})
    void generatesPngOfTheRequestedSize(String model, int width, int height) {
        List<GeneratedImage> images = LOCAL.client().generate(lighthouse(model).size(width, height).build());

        assertThat(images).singleElement().satisfies(image -> {
            BufferedImage decoded = ImagePixels.readPng(image.png());
            assertThat(decoded.getWidth()).isEqualTo(width);
            assertThat(decoded.getHeight()).isEqualTo(height);
            assertThat(image.seed()).isEqualTo(42);
            assertThat(image.modelVersion()).isEqualTo("1");
            assertThat(image.endpoint()).isEqualTo(LOCAL.server().target());
            assertThat(image.timings().total()).isPositive();
            assertThat(image.timings().serverComputeAverage()).isPresent();
        });
    }

    @Test
    void samePromptSeedAndSizeGiveTheSamePixels() {
        byte[] first = LOCAL.client().generate(lighthouse("sdxl").build()).get(0).png();
        byte[] second = LOCAL.client().generate(lighthouse("sdxl").build()).get(0).png();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void differentSeedPromptOrLoraWeightGiveDifferentPixels() {
        int[] base = pixels(lighthouse("sdxl").build());

        assertThat(difference(base, pixels(lighthouse("sdxl").seed(43).build()))).isGreaterThan(0.05);
        assertThat(difference(base, pixels(TextToImageRequest.builder("sdxl", "a red fox in snow").seed(42)
                .size(512, 512).steps(20).build()))).isGreaterThan(0.05);
        assertThat(difference(base, pixels(lighthouse("sdxl").lora("ink-sketch", 1.0f).build()))).isGreaterThan(0.02);
        assertThat(difference(pixels(lighthouse("sdxl").lora("ink-sketch", 0.3f).build()),
                pixels(lighthouse("sdxl").lora("ink-sketch", 1.5f).build()))).isGreaterThan(0.01);
    }

    @Test
    void eachImageOfABatchReproducesAloneFromItsSeed() {
        List<GeneratedImage> pair = LOCAL.client().generate(lighthouse("flux2").count(2).build());
        GeneratedImage alone = LOCAL.client().generate(lighthouse("flux2").seed(43).build()).get(0);

        assertThat(pair).extracting(GeneratedImage::seed).containsExactly(42L, 43L);
        assertThat(pair.get(1).png()).isEqualTo(alone.png());
    }

    @Test
    void rejectsInvalidParametersBeforeSendingAnything() {
        // The only endpoint is dead: an answer other than "unavailable" proves nothing was sent.
        try (TritonClient offline = new TritonClient(settingsFor(List.of(deadTarget())))) {
            assertThatThrownBy(() -> offline.generate(lighthouse("sdxl").size(1004, 1020).steps(500).build()))
                    .isInstanceOf(InvalidInferenceRequestException.class)
                    .hasMessageContaining("width must be a multiple of 8 (was 1004; try 1000 or 1008)")
                    .hasMessageContaining("height must be a multiple of 8 (was 1020; try 1016 or 1024)")
                    .hasMessageContaining("steps must be between 1 and 100 (was 500)");
            assertThatThrownBy(() -> offline.generate(lighthouse("flux2").scheduler("ddim").build()))
                    .isInstanceOf(InvalidInferenceRequestException.class)
                    .hasMessageContaining("scheduler 'ddim' is not offered by flux2; choose one of flow_match_euler");
            assertThatThrownBy(() -> offline.generate(lighthouse("midjourney").build()))
                    .isInstanceOf(UnknownModelException.class)
                    .hasMessage("Unknown model 'midjourney'. Choose one of: flux2, sdxl, sd35-large.");
        }
    }

    @Test
    void safetyCheckerScoresEveryCategory() {
        byte[] png = LOCAL.client().generate(lighthouse("sdxl").build()).get(0).png();

        SafetyScores scores = LOCAL.client().checkSafety(png, Duration.ofSeconds(10));

        assertThat(scores.byCategory()).containsOnlyKeys(ModelCatalog.SAFETY_CATEGORIES);
        assertThat(scores.byCategory().values()).allSatisfy(score -> assertThat(score).isBetween(0f, 1f));
    }

    @Test
    void upscalerReturnsAnImageFourTimesLarger() {
        byte[] png = LOCAL.client().generate(lighthouse("flux2").size(256, 128 + 128).build()).get(0).png();

        BufferedImage upscaled = ImagePixels.readPng(LOCAL.client().upscale(png, Duration.ofSeconds(20)));

        assertThat(upscaled.getWidth()).isEqualTo(1024);
        assertThat(upscaled.getHeight()).isEqualTo(1024);
    }

    private static int[] pixels(TextToImageRequest request) {
        BufferedImage image = ImagePixels.readPng(LOCAL.client().generate(request).get(0).png());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Mean absolute channel difference in [0, 1]. */
    private static double difference(int[] a, int[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff));
            }
        }
        return sum / (a.length * 3 * 255.0);
    }
}
