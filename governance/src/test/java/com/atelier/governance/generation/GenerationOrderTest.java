package com.atelier.governance.generation;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.generation.GenerationOrder.TemplateRef;
import com.atelier.governance.library.prompt.RenderedPrompt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerationOrderTest {

    private static final TemplateRef SEASONAL = new TemplateRef(7L, null, Map.of("season", "summer"));

    /** Template 7 at version 3, suggesting flux2 at 512 × 768 with 4 steps and guidance 2.5. */
    private static final RenderedPrompt RENDERED = new RenderedPrompt(7, 3, 31, "a vase, summer light", "blurry",
            "flux2", 4, 2.5f, 512, 768);

    private static final RenderedPrompt SUGGESTING_NOTHING = new RenderedPrompt(7, 3, 31, "a vase, summer light", "",
            null, null, null, null, null);

    private static GenerationOrder typed(List<String> models, String prompt) {
        return new GenerationOrder(models, prompt, null, null, null, null, null, null, null, null, null, null);
    }

    private static GenerationOrder fromTemplate(List<String> models, Integer steps, Integer width, Integer height) {
        return new GenerationOrder(models, null, null, null, 42L, steps, null, width, height, 2, null, SEASONAL);
    }

    @Test
    void aTypedPromptTakesThePortalDefaultsForWhatItLeavesOut() {
        GenerationSpec spec = typed(List.of("sdxl"), "a chair").toSpec();

        assertThat(spec.prompt()).isEqualTo("a chair");
        assertThat(spec.width()).isEqualTo(1024);
        assertThat(spec.height()).isEqualTo(1024);
        assertThat(spec.count()).isEqualTo(1);
        assertThat(spec.steps()).as("the model's default").isNull();
        assertThat(spec.guidance()).isNull();
        assertThat(spec.template()).isNull();
    }

    @Test
    void aTemplateOrderTakesTheTemplatesSuggestionsForWhatItLeavesOut() {
        GenerationSpec spec = fromTemplate(null, null, null, null).toSpec(RENDERED);

        assertThat(spec.models()).containsExactly("flux2");
        assertThat(spec.prompt()).isEqualTo("a vase, summer light");
        assertThat(spec.negativePrompt()).isEqualTo("blurry");
        assertThat(spec.steps()).isEqualTo(4);
        assertThat(spec.guidance()).isEqualTo(2.5f);
        assertThat(spec.width()).isEqualTo(512);
        assertThat(spec.height()).isEqualTo(768);
        assertThat(spec.count()).isEqualTo(2);
        assertThat(spec.seed()).isEqualTo(42L);
        assertThat(spec.template()).isEqualTo(new GenerationSpec.TemplateUse(7, 3, 31));
    }

    @Test
    void whatTheOrderSaysWinsOverTheTemplatesSuggestions() {
        GenerationSpec spec = fromTemplate(List.of("sdxl", "flux2"), 30, 1024, 1024).toSpec(RENDERED);

        assertThat(spec.models()).containsExactly("sdxl", "flux2");
        assertThat(spec.steps()).isEqualTo(30);
        assertThat(spec.guidance()).as("left out: the template's").isEqualTo(2.5f);
        assertThat(spec.width()).isEqualTo(1024);
        assertThat(spec.height()).isEqualTo(1024);
    }

    @Test
    void aTemplateThatSuggestsNothingLeavesThePortalDefaults() {
        GenerationSpec spec = fromTemplate(List.of("sdxl"), null, null, null).toSpec(SUGGESTING_NOTHING);

        assertThat(spec.width()).isEqualTo(1024);
        assertThat(spec.height()).isEqualTo(1024);
        assertThat(spec.steps()).isNull();
        assertThat(spec.negativePrompt()).isEmpty();
    }

    @Test
    void aModelIsNeededFromTheOrderOrTheTemplate() {
        assertThatThrownBy(() -> fromTemplate(null, null, null, null).toSpec(SUGGESTING_NOTHING))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("models"));
    }

    @Test
    void refusesAPromptOrNegativePromptBesideATemplate() {
        assertThatThrownBy(() -> new GenerationOrder(List.of("sdxl"), "a chair", null, null, null, null, null, null,
                null, null, null, SEASONAL)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("prompt");
                    assertThat(e.getMessage()).isEqualTo("Send either a prompt or a template, not both.");
                });
        assertThatThrownBy(() -> new GenerationOrder(List.of("sdxl"), null, "blurry", null, null, null, null, null,
                null, null, null, SEASONAL)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("prompt"));
    }

    @Test
    void refusesATemplateReferenceWithoutAnId() {
        assertThatThrownBy(() -> new TemplateRef(null, 2, Map.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("template.id");
                    assertThat(e.getMessage()).isEqualTo("A template reference needs the template's id.");
                });
    }

    @Test
    void aTemplateOrderIsRenderedBeforeItBecomesASpec() {
        assertThatThrownBy(() -> fromTemplate(null, null, null, null).toSpec()).isInstanceOf(IllegalStateException.class);
    }
}
