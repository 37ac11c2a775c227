package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoraResolutionTest {

    private static LoraResolution.Version version(int number, LoraState state) {
        return new LoraResolution.Version(100 + number, number, state, "a".repeat(63) + number, 1000, 16);
    }

    private static final Map<String, LoraResolution.Candidate> LIBRARY = Map.of(
            "acme-chair", new LoraResolution.Candidate(1, "acme-chair", "acmechair", BaseFamily.SDXL, List.of(
                    version(1, LoraState.DEPRECATED), version(2, LoraState.PUBLISHED), version(3, LoraState.PUBLISHED),
                    version(4, LoraState.DRAFT))),
            "acme-flux", new LoraResolution.Candidate(2, "acme-flux", "acmeflux", BaseFamily.FLUX2, List.of(
                    version(1, LoraState.PUBLISHED))),
            "draft-only", new LoraResolution.Candidate(3, "draft-only", "d", BaseFamily.SDXL, List.of(
                    version(1, LoraState.DRAFT), version(2, LoraState.DEPRECATED))));

    private static List<ResolvedLora> resolve(List<String> models, RequestedLora... choices) {
        return LoraResolution.resolve(models, List.of(choices), name -> Optional.ofNullable(LIBRARY.get(name)));
    }

    private static void refused(List<String> models, RequestedLora choice, String... message) {
        assertThatThrownBy(() -> resolve(models, choice)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("loras");
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void resolvesToTheNewestPublishedVersion() {
        List<ResolvedLora> resolved = resolve(List.of("sdxl"), new RequestedLora("acme-chair", 0.8f));

        assertThat(resolved).singleElement().satisfies(r -> {
            assertThat(r.version()).isEqualTo(3);
            assertThat(r.versionId()).isEqualTo(103);
            assertThat(r.sha256()).isEqualTo(r.contentHash()).endsWith("3");
            assertThat(r.triggerWord()).isEqualTo("acmechair");
            assertThat(r.family()).isEqualTo(BaseFamily.SDXL);
            assertThat(r.weight()).isEqualTo(0.8f);
        });
    }

    @Test
    void mapsModelVariantsToTheirFamily() {
        assertThat(resolve(List.of("flux2"), new RequestedLora("acme-flux", -2f))).hasSize(1);
        assertThat(BaseFamily.ofModel("sd35-large")).contains(BaseFamily.SD35);
        assertThat(BaseFamily.ofModel("sdxl")).contains(BaseFamily.SDXL);
        assertThat(BaseFamily.ofModel("sdxlturbo")).isEmpty();
    }

    @Test
    void refusesUnknownAndUnpublishedLoras() {
        refused(List.of("sdxl"), new RequestedLora("nope", 1f), "Unknown LoRA 'nope'");
        refused(List.of("sdxl"), new RequestedLora("draft-only", 1f),
                "LoRA 'draft-only' has no PUBLISHED version (v1 DRAFT, v2 DEPRECATED)");
    }

    @Test
    void refusesALoraWhoseFamilyDoesNotFitEveryModel() {
        refused(List.of("sdxl", "flux2"), new RequestedLora("acme-chair", 1f),
                "LoRA 'acme-chair' is trained for sdxl and cannot be used with model 'flux2' (flux2)");
        refused(List.of("upscaler_4x"), new RequestedLora("acme-chair", 1f), "cannot be used with model 'upscaler_4x'");
    }

    @Test
    void refusesWeightsOutsideTheRangeAndRepeatedChoices() {
        refused(List.of("sdxl"), new RequestedLora("acme-chair", 2.5f), "weight 2.5 is outside [-2.0, 2.0]");
        refused(List.of("sdxl"), new RequestedLora("acme-chair", Float.NaN), "weight NaN");
        assertThatThrownBy(() -> resolve(List.of("sdxl"), new RequestedLora("acme-chair", 1f),
                new RequestedLora("acme-chair", 0.5f))).hasMessageContaining("listed twice");
    }

    @Test
    void noChoicesResolveToNothing() {
        assertThat(LoraResolution.resolve(List.of("sdxl"), null, name -> Optional.empty())).isEmpty();
    }
}
