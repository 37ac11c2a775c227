package com.atelier.sdk.generation;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code POST /workspaces/{ws}/generations}: one prompt for one or several models (a side-by-side
 * comparison). Null fields are not sent, so the server applies its defaults (1024x1024, one image, the model's
 * steps, guidance and scheduler, a random seed). Build one with {@link #builder()}.
 */
public record GenerationRequest(List<String> models, String prompt, String negativePrompt, List<Lora> loras,
                                Long seed, Integer steps, Float guidance, Integer width, Integer height,
                                Integer count, String scheduler, WebhookTarget webhook) {

    public GenerationRequest {
        models = models == null ? List.of() : List.copyOf(models);
        loras = loras == null || loras.isEmpty() ? null : List.copyOf(loras);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the fields; {@link #build()} needs at least one model and a prompt. A null (or never set) optional
     * field is left to the server's default.
     */
    public static final class Builder {
        private final List<String> models = new ArrayList<>();
        private final List<Lora> loras = new ArrayList<>();
        private String prompt;
        private String negativePrompt;
        private Long seed;
        private Integer steps;
        private Float guidance;
        private Integer width;
        private Integer height;
        private Integer count;
        private String scheduler;
        private WebhookTarget webhook;

        private Builder() {
        }

        public Builder model(String model) {
            models.add(model);
            return this;
        }

        public Builder models(List<String> models) {
            this.models.addAll(models);
            return this;
        }

        public Builder prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        public Builder lora(String name, float weight) {
            loras.add(new Lora(name, weight));
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder steps(Integer steps) {
            this.steps = steps;
            return this;
        }

        public Builder guidance(Float guidance) {
            this.guidance = guidance;
            return this;
        }

        public Builder width(Integer width) {
            this.width = width;
            return this;
        }

        public Builder height(Integer height) {
            this.height = height;
            return this;
        }

        public Builder count(Integer count) {
            this.count = count;
            return this;
        }

        public Builder scheduler(String scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder webhook(String url, String secret) {
            this.webhook = new WebhookTarget(url, secret);
            return this;
        }

        public GenerationRequest build() {
            // the server checks everything else; these two would only cost a round trip to learn
            if (models.isEmpty()) {
                throw new IllegalStateException("Name at least one model, e.g. builder().model(\"sdxl\").");
            }
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalStateException("The prompt must not be empty.");
            }
            return new GenerationRequest(models, prompt, negativePrompt, loras, seed, steps, guidance, width, height,
                    count, scheduler, webhook);
        }
    }
}
