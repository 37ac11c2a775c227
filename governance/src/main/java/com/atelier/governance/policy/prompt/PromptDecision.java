package com.atelier.governance.policy.prompt;

import java.util.Objects;
import java.util.Optional;

/**
 * What the prompt rules say about a prompt: allowed, with the prompt to render (the workspace's prefix and suffix
 * applied), or refused, naming the rule that fired ({@code rule}, e.g. "competitor mark 'pepsi'") and saying what
 * to do about it ({@code message}).
 */
public record PromptDecision(boolean allowed, String rule, String message, String effectivePrompt) {

    public PromptDecision {
        Objects.requireNonNull(effectivePrompt, "effectivePrompt");
        if (!allowed) {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }
    }

    public static PromptDecision allowed(String effectivePrompt) {
        return new PromptDecision(true, null, null, effectivePrompt);
    }

    public static PromptDecision refused(String rule, String message, String effectivePrompt) {
        return new PromptDecision(false, rule, message, effectivePrompt);
    }

    /** The refusal message, empty when the prompt is allowed. */
    public Optional<String> refusal() {
        return allowed ? Optional.empty() : Optional.of(message);
    }
}
