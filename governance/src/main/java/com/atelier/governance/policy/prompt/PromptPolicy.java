package com.atelier.governance.policy.prompt;

import java.util.Optional;

/**
 * A brand-safety rule on prompts, checked before anything is queued. The bean CDI injects is
 * {@code policy.WorkspacePromptPolicy}: the portal's banned terms plus the workspace's current brand policy.
 */
public interface PromptPolicy {

    /** Why the prompt is refused, naming the rule that fired; empty when it may be rendered. */
    Optional<String> refusal(String workspace, String prompt, String negativePrompt);

    /**
     * The decision on a prompt with the prompt to render when it is allowed: a policy may add a brand prefix or
     * suffix. Callers that queue work should render {@link PromptDecision#effectivePrompt()}, not the prompt sent.
     */
    default PromptDecision apply(String workspace, String prompt, String negativePrompt) {
        return refusal(workspace, prompt, negativePrompt)
                .map(message -> PromptDecision.refused("prompt policy", message, prompt))
                .orElseGet(() -> PromptDecision.allowed(prompt));
    }
}
