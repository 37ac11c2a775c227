package com.atelier.web.ui;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.prompt.PromptTemplateVersion;
import com.atelier.governance.library.prompt.PromptTemplates;
import com.atelier.governance.library.prompt.TemplateContent;
import com.atelier.web.security.Caller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Libraries page's template form: a new template, or a new version of the chosen one (every save is a version;
 * a stale edit is refused), and a rollback to an earlier version. Validation errors appear next to their field.
 */
@Named
@ViewScoped
public class PromptTemplateEditor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Caller caller;
    @Inject
    private PromptTemplates templates;
    @Inject
    private LibraryView library;

    private Long editing;
    private Integer basedOn;
    private String name = "";
    private String text = "";
    private String negativePrompt = "";
    private String defaultModel = "";
    private String tags = "";
    private Integer rollbackTo;

    /** Starts a new template. */
    public void startNew() {
        editing = null;
        basedOn = null;
        name = "";
        text = "";
        negativePrompt = "";
        defaultModel = "";
        tags = "";
    }

    /** Loads the chosen template's latest version into the form. */
    public void edit(PromptTemplateVersion latest) {
        editing = latest.template().id();
        basedOn = latest.version();
        TemplateContent content = latest.content();
        name = content.name();
        text = content.text();
        negativePrompt = content.negativePrompt() == null ? "" : content.negativePrompt();
        defaultModel = content.defaultModel() == null ? "" : content.defaultModel();
        tags = String.join(", ", content.tags());
        rollbackTo = Math.max(1, latest.version() - 1);
    }

    public void save() {
        List<String> tagList = Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        try {
            TemplateContent content = new TemplateContent(name, text, negativePrompt.isBlank() ? null : negativePrompt,
                    defaultModel.isBlank() ? null : defaultModel, null, null, null, null, tagList);
            PromptTemplateVersion saved = editing == null
                    ? templates.create(caller.actor(), library.getWorkspace(), content)
                    : templates.edit(caller.actor(), library.getWorkspace(), editing, content, Optional.ofNullable(basedOn));
            Messages.info(null, "Saved", saved.content().name() + " is now at version " + saved.version() + ".");
            library.reload();
            edit(saved);
        } catch (InvalidInputException e) {
            Messages.error("template-form:" + fieldOf(e.field()), e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void rollback() {
        try {
            PromptTemplateVersion saved = templates.rollback(caller.actor(), library.getWorkspace(), editing, rollbackTo);
            Messages.info(null, "Rolled back", "Version " + saved.version() + " equals version " + rollbackTo + ".");
            library.reload();
            edit(saved);
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    private static String fieldOf(String field) {
        return switch (field) {
            case "name", "text", "tags" -> "template-" + field;
            case "negativePrompt" -> "template-negative";
            case "defaultModel" -> "template-model";
            default -> "template-text";
        };
    }

    public boolean isEditing() { return editing != null; }
    public Long getEditing() { return editing; }
    public Integer getBasedOn() { return basedOn; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getNegativePrompt() { return negativePrompt; }
    public void setNegativePrompt(String negativePrompt) { this.negativePrompt = negativePrompt; }
    public String getDefaultModel() { return defaultModel; }
    public void setDefaultModel(String defaultModel) { this.defaultModel = defaultModel; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public Integer getRollbackTo() { return rollbackTo; }
    public void setRollbackTo(Integer rollbackTo) { this.rollbackTo = rollbackTo; }
}
