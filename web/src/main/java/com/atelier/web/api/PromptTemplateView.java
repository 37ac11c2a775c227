package com.atelier.web.api;

import com.atelier.governance.library.prompt.PromptTemplate;
import com.atelier.governance.library.prompt.PromptTemplateVersion;
import com.atelier.governance.library.prompt.TemplateContent;

import java.time.Instant;
import java.util.List;

/** A prompt template as the API shows it: one version's content, its variables, and the template's counters. */
public record PromptTemplateView(long id, int version, long versionId, int latestVersion, String name, String text,
                                 String negativePrompt, String defaultModel, Integer steps, Float guidance,
                                 Integer width, Integer height, List<String> tags, List<Variable> variables,
                                 String author, Instant versionCreatedAt, Integer rolledBackFrom, String createdBy,
                                 Instant createdAt, Instant updatedAt, long useCount) {

    /** A variable; {@code allowed} is empty for free text. */
    public record Variable(String name, List<String> allowed) {
    }

    static PromptTemplateView of(PromptTemplateVersion version) {
        PromptTemplate t = version.template();
        TemplateContent c = version.content();
        return new PromptTemplateView(t.id(), version.version(), version.id(), t.latestVersion(), c.name(), c.text(),
                c.negativePrompt(), c.defaultModel(), c.steps(), c.guidance(), c.width(), c.height(), c.tags(),
                c.variables().stream().map(v -> new Variable(v.name(), v.allowed())).toList(), version.author(),
                version.createdAt(), version.rolledBackFrom().orElse(null), t.createdBy(), t.createdAt(),
                t.updatedAt(), t.useCount());
    }
}
