package com.atelier.governance.library.prompt;

import java.util.List;

/** One page of templates, each as its latest version. */
public record PromptTemplatePage(List<PromptTemplateVersion> items, int page, int size, long total) {
}
