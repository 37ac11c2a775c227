package com.atelier.governance.library.prompt;

/**
 * A template rendered with variables: the prompt to generate with, and the exact template version it came from
 * (record {@code versionId} with the generation and pass it to {@link PromptTemplates#recordUse}).
 *
 * @param defaultModel null when the template suggests none; steps, guidance, width, height likewise
 */
public record RenderedPrompt(long templateId, int version, long versionId, String prompt, String negativePrompt,
                             String defaultModel, Integer steps, Float guidance, Integer width, Integer height) {
}
