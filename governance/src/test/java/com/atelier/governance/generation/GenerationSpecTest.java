package com.atelier.governance.generation;

import com.atelier.governance.failure.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationSpecTest {

    private static GenerationSpec spec(List<String> models, String prompt, int count) {
        return new GenerationSpec(models, prompt, null, null, null, null, null, 1024, 1024, count, null);
    }

    @Test
    void comparisonKeepsModelOrderAndDropsRepeats() {
        assertThat(spec(List.of("flux2", "sdxl", "flux2"), "a chair", 1).models()).containsExactly("flux2", "sdxl");
    }

    @Test
    void rejectsRequestsWithoutModelsOrPromptOrWithTooManyImages() {
        assertThatThrownBy(() -> spec(List.of(), "a chair", 1)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("models"));
        assertThatThrownBy(() -> spec(List.of("sdxl"), "  ", 1)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("prompt"));
        assertThatThrownBy(() -> spec(List.of("sdxl"), "a chair", 9)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.getMessage()).contains("between 1 and 8"));
        assertThatThrownBy(() -> spec(List.of("sdxl"), "x".repeat(2001), 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("prompt"));
    }
}
