package com.atelier.web.api;

import com.atelier.governance.library.prompt.TemplateContent;

import java.util.List;

/** The JSON body that creates a template or, with PUT, its next version. */
public record PromptTemplateRequest(String name, String text, String negativePrompt, String defaultModel,
                                    Integer steps, Float guidance, Integer width, Integer height, List<String> tags) {

    TemplateContent toContent() {
        return new TemplateContent(name, text, negativePrompt, defaultModel, steps, guidance, width, height, tags);
    }
}
