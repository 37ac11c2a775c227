package com.atelier.governance.generation;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.generation.GenerationSpec.LoraChoice;
import com.atelier.governance.library.prompt.RenderedPrompt;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generation as the API or the Generate page hands it in: a typed prompt, or a prompt-library template with the
 * values of its variables, and the parameters. A parameter left out (null) takes the template's suggestion when
 * there is a template (model, steps, guidance, size; its negative prompt always), then the portal's default: width
 * and height 1024, one image per model, the model's own steps, guidance and scheduler, a random seed. The desk turns
 * an order into the {@link GenerationSpec} it checks and records.
 */
public record GenerationOrder(List<String> models, String prompt, String negativePrompt, List<LoraChoice> loras,
                              Long seed, Integer steps, Float guidance, Integer width, Integer height, Integer count,
                              String scheduler, TemplateRef template) {

    public static final int DEFAULT_SIDE = 1024;
    public static final int DEFAULT_COUNT = 1;

    /** A prompt-library template instead of a typed prompt: its id, a version (the latest when null), the values. */
    public record TemplateRef(Long id, Integer version, Map<String, String> variables) {

        public TemplateRef {
            if (id == null) {
                throw new InvalidInputException("template.id", "A template reference needs the template's id.");
            }
            // a variable sent without a value stays in, so that rendering names it
            variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
    }

    public GenerationOrder {
        // the template's negative prompt belongs to its prompt: an order sends one text or the other, never a mix
        if (template != null && (prompt != null || negativePrompt != null)) {
            throw new InvalidInputException("prompt", "Send either a prompt or a template, not both.");
        }
    }

    public Optional<TemplateRef> templateRef() {
        return Optional.ofNullable(template);
    }

    /** The spec of an order with a typed prompt: the portal's defaults where the order leaves a field out. */
    GenerationSpec toSpec() {
        if (template != null) {
            throw new IllegalStateException("render template " + template.id() + " first");
        }
        return new GenerationSpec(models, prompt, negativePrompt, loras, seed, steps, guidance,
                width == null ? DEFAULT_SIDE : width, height == null ? DEFAULT_SIDE : height,
                count == null ? DEFAULT_COUNT : count, scheduler);
    }

    /**
     * The spec of a template order, given the template version rendered with the order's variables: the rendered
     * prompt and negative prompt, the order's parameters, the template's suggestions where the order leaves one
     * out, the portal's defaults after that; and the template version, recorded with the job.
     */
    GenerationSpec toSpec(RenderedPrompt rendered) {
        List<String> chosenModels = models != null || rendered.defaultModel() == null ? models
                : List.of(rendered.defaultModel());
        GenerationOrder filled = new GenerationOrder(chosenModels, rendered.prompt(), rendered.negativePrompt(), loras,
                seed, steps != null ? steps : rendered.steps(), guidance != null ? guidance : rendered.guidance(),
                width != null ? width : rendered.width(), height != null ? height : rendered.height(), count,
                scheduler, null);
        return filled.toSpec().withTemplate(new GenerationSpec.TemplateUse(rendered.templateId(), rendered.version(),
                rendered.versionId()));
    }
}
