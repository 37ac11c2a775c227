package com.atelier.web.api;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.prompt.RenderedPrompt;
import java.util.Map;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.webhook.Webhook;

import java.util.List;
import java.util.Optional;

/**
 * The JSON body of POST /generations. Width and height default to 1024, count to 1; steps, guidance and
 * scheduler to the model's defaults; the seed to a random one, which the job records. An optional webhook is
 * told when the job finishes.
 */
public record GenerationRequest(List<String> models, String prompt, String negativePrompt, List<Lora> loras,
                                Long seed, Integer steps, Float guidance, Integer width, Integer height,
                                Integer count, String scheduler, WebhookTarget webhook, TemplateRef template) {

    public record Lora(String name, Float weight) {
    }

    /** A prompt-library template instead of a typed prompt: its id, a version (latest if absent), the variables. */
    public record TemplateRef(Long id, Integer version, Map<String, String> variables) {
    }

    /** Where to POST the job's completion notice, and the secret to sign it with (HMAC-SHA256). */
    public record WebhookTarget(String url, String secret) {
    }

    Optional<Webhook> toWebhook() {
        return Optional.ofNullable(webhook).map(w -> Webhook.of(w.url(), w.secret()));
    }

    /**
     * The spec of a template-based request: the rendered prompt, with the template's defaults where the request
     * leaves a field out, and the exact template version recorded.
     */
    GenerationSpec toSpec(RenderedPrompt rendered) {
        if (prompt != null || negativePrompt != null) {
            throw new InvalidInputException("prompt", "Send either a prompt or a template, not both.");
        }
        List<String> chosenModels = models != null || rendered.defaultModel() == null ? models
                : List.of(rendered.defaultModel());
        GenerationRequest filled = new GenerationRequest(chosenModels, rendered.prompt(), rendered.negativePrompt(),
                loras, seed, steps != null ? steps : rendered.steps(), guidance != null ? guidance : rendered.guidance(),
                width != null ? width : rendered.width(), height != null ? height : rendered.height(), count,
                scheduler, webhook, null);
        return filled.toSpec().withTemplate(new GenerationSpec.TemplateUse(rendered.templateId(), rendered.version(),
                rendered.versionId()));
    }

    GenerationSpec toSpec() {
        List<GenerationSpec.LoraChoice> choices = loras == null ? List.of() : loras.stream()
                .map(l -> l == null ? null : new GenerationSpec.LoraChoice(l.name(), l.weight() == null ? 1f : l.weight()))
                .toList();
        return new GenerationSpec(models, prompt, negativePrompt, choices, seed, steps, guidance,
                width == null ? 1024 : width, height == null ? 1024 : height, count == null ? 1 : count, scheduler);
    }
}
