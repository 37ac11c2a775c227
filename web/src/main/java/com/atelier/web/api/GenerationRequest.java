package com.atelier.web.api;

import com.atelier.governance.generation.GenerationSpec;

import java.util.List;

/**
 * The JSON body of POST /generations. Width and height default to 1024, count to 1; steps, guidance and
 * scheduler to the model's defaults; the seed to a random one, which the job records.
 */
public record GenerationRequest(List<String> models, String prompt, String negativePrompt, List<Lora> loras,
                                Long seed, Integer steps, Float guidance, Integer width, Integer height,
                                Integer count, String scheduler) {

    public record Lora(String name, Float weight) {
    }

    GenerationSpec toSpec() {
        List<GenerationSpec.LoraChoice> choices = loras == null ? List.of() : loras.stream()
                .map(l -> l == null ? null : new GenerationSpec.LoraChoice(l.name(), l.weight() == null ? 1f : l.weight()))
                .toList();
        return new GenerationSpec(models, prompt, negativePrompt, choices, seed, steps, guidance,
                width == null ? 1024 : width, height == null ? 1024 : height, count == null ? 1 : count, scheduler);
    }
}
