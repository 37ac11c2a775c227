package com.atelier.governance.generation;

import java.util.Optional;

/** A brand-safety rule on prompts, checked before anything is queued. */
public interface PromptPolicy {

    /** Why the prompt is refused, naming the rule that fired; empty when it may be rendered. */
    Optional<String> refusal(String workspace, String prompt, String negativePrompt);
}
