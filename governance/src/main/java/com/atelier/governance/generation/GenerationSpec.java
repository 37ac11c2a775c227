package com.atelier.governance.generation;

import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.prompt.PromptRules;
import jakarta.json.bind.annotation.JsonbCreator;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a designer asks to render: one prompt for one or several models (side-by-side comparison), with the same
 * seed and parameters for each. Unset steps, guidance and scheduler mean the model's default; the seed is always
 * set by the time a job exists. Rules that depend on the model (sizes, step ranges) belong to the
 * {@link ModelCatalogue}; the rules here hold for every model.
 */
public record GenerationSpec(List<String> models, String prompt, String negativePrompt, List<LoraChoice> loras,
                             Long seed, Integer steps, Float guidance, int width, int height, int count,
                             String scheduler, TemplateUse template, boolean promptInManifest) {

    public static final int MAX_MODELS = 4;
    public static final int MAX_COUNT = 8;
    public static final int MAX_PROMPT = PromptRules.PORTAL_MAX_LENGTH;
    private static final Pattern LORA_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * A LoRA adapter and the weight it is blended in with; once accepted, also the exact published version the
     * library resolved (version number, version id, file SHA-256), so the worker and the provenance use that one.
     */
    public record LoraChoice(String name, float weight, Integer version, Long versionId, String sha256) {

        @JsonbCreator
        public LoraChoice {
            // the canonical constructor is the one JSON-B reads stored specs with
        }

        public LoraChoice(String name, float weight) {
            this(name, weight, null, null, null);
        }
    }

    /** The prompt-library template version a prompt was rendered from. */
    public record TemplateUse(long templateId, int version, long versionId) {
    }

    /** As the designer asked, without a template and with the prompt kept out of the provenance manifest. */
    public GenerationSpec(List<String> models, String prompt, String negativePrompt, List<LoraChoice> loras,
                          Long seed, Integer steps, Float guidance, int width, int height, int count,
                          String scheduler) {
        this(models, prompt, negativePrompt, loras, seed, steps, guidance, width, height, count, scheduler, null,
                false);
    }

    @JsonbCreator
    public GenerationSpec {
        if (models == null || models.isEmpty()) {
            throw new InvalidInputException("models", "Name at least one model, e.g. [\"sdxl\"].");
        }
        models = List.copyOf(new LinkedHashSet<>(models));
        if (models.size() > MAX_MODELS) {
            throw new InvalidInputException("models", "At most " + MAX_MODELS + " models can be compared at once (asked for "
                    + models.size() + ").");
        }
        if (prompt == null || prompt.isBlank()) {
            throw new InvalidInputException("prompt", "The prompt must not be empty.");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw new InvalidInputException("prompt", "The prompt is " + prompt.length() + " characters long; the limit is "
                    + MAX_PROMPT + ".");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (negativePrompt.length() > MAX_PROMPT) {
            throw new InvalidInputException("negativePrompt", "The negative prompt is " + negativePrompt.length()
                    + " characters long; the limit is " + MAX_PROMPT + ".");
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new InvalidInputException("count", "count must be between 1 and " + MAX_COUNT + " (was " + count + ").");
        }
        loras = loras == null ? List.of() : List.copyOf(loras);
        for (LoraChoice lora : loras) {
            if (lora == null || lora.name() == null || !LORA_NAME.matcher(lora.name()).matches()) {
                throw new InvalidInputException("loras", "A LoRA adapter is named by 1 to 100 letters, digits, '.', '_'"
                        + " or '-'.");
            }
        }
        scheduler = scheduler == null ? "" : scheduler;
        Objects.requireNonNull(models);
    }

    public GenerationSpec withSeed(long chosen) {
        return new GenerationSpec(models, prompt, negativePrompt, loras, chosen, steps, guidance, width, height, count,
                scheduler, template, promptInManifest);
    }

    /** The same request with the prompt the brand policy made of it (prefix and suffix applied). */
    public GenerationSpec withPrompt(String effective) {
        return new GenerationSpec(models, effective, negativePrompt, loras, seed, steps, guidance, width, height, count,
                scheduler, template, promptInManifest);
    }

    /** The same request with the LoRA versions the library resolved. */
    public GenerationSpec withLoras(List<LoraChoice> resolved) {
        return new GenerationSpec(models, prompt, negativePrompt, resolved, seed, steps, guidance, width, height, count,
                scheduler, template, promptInManifest);
    }

    /** The same request, rendered from a template version. */
    public GenerationSpec withTemplate(TemplateUse use) {
        return new GenerationSpec(models, prompt, negativePrompt, loras, seed, steps, guidance, width, height, count,
                scheduler, use, promptInManifest);
    }

    /** The same request with the workspace's rule on publishing the prompt text in provenance. */
    public GenerationSpec withPromptInManifest(boolean allowed) {
        return new GenerationSpec(models, prompt, negativePrompt, loras, seed, steps, guidance, width, height, count,
                scheduler, template, allowed);
    }
}
