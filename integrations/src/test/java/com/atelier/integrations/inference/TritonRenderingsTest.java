package com.atelier.integrations.inference;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.inference.image.TextToImageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TritonRenderingsTest {

    private static GenerationSpec spec(int count, Long seed) {
        return new GenerationSpec(List.of("sdxl"), "a red chair", "", List.of(new GenerationSpec.LoraChoice("brand-x", 0.7f)),
                seed, null, null, 1024, 768, count, "");
    }

    @Test
    void cutsAJobIntoBatchesTheModelAcceptsKeepingSeedPerImagePosition() {
        List<TextToImageRequest> batches = TritonRenderings.batches("sdxl", spec(7, 100L));

        assertThat(batches).extracting(TextToImageRequest::count).containsExactly(4, 3);
        assertThat(batches).extracting(TextToImageRequest::seed).containsExactly(100L, 104L);
        assertThat(batches.get(0).loras()).singleElement().satisfies(l -> assertThat(l.name()).isEqualTo("brand-x"));
        assertThat(batches.get(0).width()).isEqualTo(1024);
        assertThat(batches.get(0).steps()).as("model default when unset").isEqualTo(30);
    }

    @Test
    void catalogueReportsModelLimitsAndUnknownModels() {
        var catalogue = new TritonModelCatalogue();
        var tooSmall = new GenerationSpec(List.of("sdxl"), "a chair", "", List.of(), 1L, null, null, 256, 1001, 1, "");

        assertThat(catalogue.textToImageModels()).containsExactlyInAnyOrder("flux2", "sdxl", "sd35-large");
        assertThat(catalogue.violations("sdxl", tooSmall)).anyMatch(v -> v.contains("width must be between 512"))
                .anyMatch(v -> v.contains("height must be a multiple of 8"));
        assertThat(catalogue.violations("sdxl", spec(8, 1L))).as("8 images are rendered in two calls").isEmpty();
        assertThat(catalogue.violations("dalle", spec(1, 1L))).containsExactly("unknown model 'dalle'");
    }
}
