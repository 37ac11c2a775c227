package com.atelier.inference.image;

import com.atelier.inference.contract.GenerationLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A request to a text-to-image pipeline, in the portal's words. Build it with {@link #builder}; the
 * builder fills steps, guidance and scheduler from the model's defaults when left out.
 *
 * @param seed image i of the request is rendered with seed + i
 */
public record TextToImageRequest(
        String model,
        String prompt,
        String negativePrompt,
        long seed,
        int steps,
        float guidance,
        int width,
        int height,
        int count,
        List<LoraAdapter> loras,
        String scheduler) {

    public TextToImageRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        scheduler = scheduler == null ? "" : scheduler;
        loras = List.copyOf(loras);
    }

    public static Builder builder(String model, String prompt) {
        return new Builder(model, prompt);
    }

    /** Everything wrong with the request against the model's limits, each phrased as what to change. */
    public List<String> violations(GenerationLimits limits) {
        List<String> violations = new ArrayList<>();
        if (prompt.isBlank()) {
            violations.add("prompt must not be empty");
        }
        checkSide("width", width, limits, violations);
        checkSide("height", height, limits, violations);
        if (steps < limits.minSteps() || steps > limits.maxSteps()) {
            violations.add("steps must be between " + limits.minSteps() + " and " + limits.maxSteps() + " (was " + steps + ")");
        }
        if (!(guidance >= limits.minGuidance() && guidance <= limits.maxGuidance())) {
            violations.add("guidance must be between " + limits.minGuidance() + " and " + limits.maxGuidance() + " (was " + guidance + ")");
        }
        if (count < 1 || count > limits.maxCount()) {
            violations.add("count must be between 1 and " + limits.maxCount() + " (was " + count + ")");
        }
        if (!scheduler.isEmpty() && !limits.schedulers().contains(scheduler)) {
            violations.add("scheduler '" + scheduler + "' is not offered by " + model + "; choose one of " + String.join(", ", limits.schedulers()));
        }
        if (loras.size() > limits.maxLoras()) {
            violations.add("at most " + limits.maxLoras() + " LoRA adapters can be combined (was " + loras.size() + ")");
        }
        for (LoraAdapter lora : loras) {
            if (!(Math.abs(lora.weight()) <= limits.maxLoraWeight())) {
                violations.add("LoRA '" + lora.name() + "' weight must be between -" + limits.maxLoraWeight() + " and "
                        + limits.maxLoraWeight() + " (was " + lora.weight() + ")");
            }
        }
        return violations;
    }

    private static void checkSide(String side, int value, GenerationLimits limits, List<String> violations) {
        if (value < limits.minSide() || value > limits.maxSide()) {
            violations.add(side + " must be between " + limits.minSide() + " and " + limits.maxSide() + " pixels (was " + value + ")");
        } else if (value % limits.sizeMultiple() != 0) {
            int lower = value / limits.sizeMultiple() * limits.sizeMultiple();
            violations.add(side + " must be a multiple of " + limits.sizeMultiple() + " (was " + value + "; try "
                    + lower + " or " + (lower + limits.sizeMultiple()) + ")");
        }
    }

    /** Collects the request; unset steps, guidance and scheduler mean "the model's default". */
    public static final class Builder {
        private final String model;
        private final String prompt;
        private String negativePrompt = "";
        private long seed = ThreadLocalRandom.current().nextLong(0, 1L << 48);
        private Integer steps;
        private Float guidance;
        private int width = 1024;
        private int height = 1024;
        private int count = 1;
        private final List<LoraAdapter> loras = new ArrayList<>();
        private String scheduler = "";

        private Builder(String model, String prompt) {
            this.model = model;
            this.prompt = prompt;
        }

        public Builder negativePrompt(String negativePrompt) {
            this.negativePrompt = negativePrompt;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder steps(int steps) {
            this.steps = steps;
            return this;
        }

        public Builder guidance(float guidance) {
            this.guidance = guidance;
            return this;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder count(int count) {
            this.count = count;
            return this;
        }

        public Builder lora(String name, float weight) {
            this.loras.add(new LoraAdapter(name, weight));
            return this;
        }

        public Builder scheduler(String scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Builds with the model's defaults for what was left unset. */
        public TextToImageRequest build(GenerationLimits defaults) {
            return new TextToImageRequest(model, prompt, negativePrompt, seed,
                    steps != null ? steps : defaults.defaultSteps(),
                    guidance != null ? guidance : defaults.defaultGuidance(),
                    width, height, count, loras,
                    scheduler.isEmpty() ? defaults.defaultScheduler() : scheduler);
        }

        /** Builds with the catalog defaults of the model; an unknown model keeps 30 steps, guidance 5. */
        public TextToImageRequest build() {
            return com.atelier.inference.contract.ModelCatalog.find(model)
                    .flatMap(contract -> contract.limits())
                    .map(this::build)
                    .orElseGet(() -> new TextToImageRequest(model, prompt, negativePrompt, seed,
                            steps != null ? steps : 30, guidance != null ? guidance : 5f,
                            width, height, count, loras, scheduler));
        }
    }
}
