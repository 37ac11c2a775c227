package com.atelier.web.api;

import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.Webhook;

import java.util.List;
import java.util.Optional;

/**
 * The JSON body of POST /generations. Width and height default to 1024, count to 1; steps, guidance and
 * scheduler to the model's defaults; the seed to a random one, which the job records. An optional webhook is
 * told when the job finishes.
 */
public record GenerationRequest(List<String> models, String prompt, String negativePrompt, List<Lora> loras,
                                Long seed, Integer steps, Float guidance, Integer width, Integer height,
                                Integer count, String scheduler, WebhookTarget webhook) {

    public record Lora(String name, Float weight) {
    }

    /** Where to POST the job's completion notice, and the secret to sign it with (HMAC-SHA256). */
    public record WebhookTarget(String url, String secret) {
    }

    Optional<Webhook> toWebhook() {
        return Optional.ofNullable(webhook).map(w -> Webhook.of(w.url(), w.secret()));
    }

    GenerationSpec toSpec() {
        List<GenerationSpec.LoraChoice> choices = loras == null ? List.of() : loras.stream()
                .map(l -> l == null ? null : new GenerationSpec.LoraChoice(l.name(), l.weight() == null ? 1f : l.weight()))
                .toList();
        return new GenerationSpec(models, prompt, negativePrompt, choices, seed, steps, guidance,
                width == null ? 1024 : width, height == null ? 1024 : height, count == null ? 1 : count, scheduler);
    }
}
