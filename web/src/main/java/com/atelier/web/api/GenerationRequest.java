package com.atelier.web.api;

import com.atelier.governance.generation.GenerationOrder;
import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.webhook.Webhook;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON body of POST /generations: a prompt, or a prompt-library template with its variables. Width and height
 * default to 1024, count to 1; steps, guidance and scheduler to the model's defaults; the seed to a random one,
 * which the job records. With a template, its suggestions (model, steps, guidance, size) come before those defaults
 * and its negative prompt is used; the rules are governance's ({@link GenerationOrder}). An optional webhook is told
 * when the job finishes.
 */
public record GenerationRequest(List<String> models, String prompt, String negativePrompt, List<Lora> loras,
                                Long seed, Integer steps, Float guidance, Integer width, Integer height,
                                Integer count, String scheduler, WebhookTarget webhook, TemplateRef template) {

    /** A LoRA by name; the weight defaults to 1. */
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

    GenerationOrder toOrder() {
        List<GenerationSpec.LoraChoice> choices = loras == null ? null : loras.stream()
                .map(l -> l == null ? null
                        : new GenerationSpec.LoraChoice(l.name(), l.weight() == null ? 1f : l.weight()))
                .toList();
        return new GenerationOrder(models, prompt, negativePrompt, choices, seed, steps, guidance, width, height, count,
                scheduler, template == null ? null
                : new GenerationOrder.TemplateRef(template.id(), template.version(), template.variables()));
    }
}
