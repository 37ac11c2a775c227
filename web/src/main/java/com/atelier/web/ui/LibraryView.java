package com.atelier.web.ui;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.library.lora.LoraAdapter;
import com.atelier.governance.library.lora.LoraDetails;
import com.atelier.governance.library.lora.LoraCatalog;
import com.atelier.governance.library.lora.LoraQuery;
import com.atelier.governance.library.prompt.PromptTemplateQuery;
import com.atelier.governance.library.prompt.PromptTemplateVersion;
import com.atelier.governance.library.prompt.PromptTemplates;
import com.atelier.governance.library.prompt.TemplateDiff;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Backs the libraries page: a workspace's prompt templates (versions and the diff between two of them) and its LoRA
 * adapters as cards (rating, use, compatibility per model, state of each version).
 */
@Named
@ViewScoped
public class LibraryView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    private Caller caller;
    private PromptTemplates templates;
    private LoraCatalog loras;
    private WorkspaceDirectory directory;

    private List<String> workspaces = List.of();
    private String workspace;
    private String search = "";
    private String tag = "";
    private List<PromptTemplateVersion> prompts = List.of();
    private List<LoraDetails> adapters = List.of();
    private PromptTemplateVersion chosen;
    private List<PromptTemplateVersion> versions = List.of();
    private Integer diffFrom;
    private Integer diffTo;
    private TemplateDiff diff;

    protected LibraryView() {
        // for CDI proxies
    }

    @Inject
    public LibraryView(Caller caller, PromptTemplates templates, LoraCatalog loras, WorkspaceDirectory directory) {
        this.caller = caller;
        this.templates = templates;
        this.loras = loras;
        this.directory = directory;
    }

    @PostConstruct
    void load() {
        List<WorkspaceMembership> visible = directory.visibleTo(caller.actor());
        workspaces = visible.stream().map(WorkspaceMembership::slug).toList();
        workspace = WorkspaceChoice.of(visible);
        reload();
    }

    public void reload() {
        chosen = null;
        diff = null;
        if (workspace == null) {
            return;
        }
        try {
            var actor = caller.actor();
            prompts = templates.find(actor, workspace, new PromptTemplateQuery(present(search), present(tag),
                    PromptTemplateQuery.Order.USAGE, 0, PAGE)).items();
            adapters = loras.find(actor, workspace, new LoraQuery(Optional.empty(), Optional.empty(),
                    LoraQuery.Order.RATING, 0, PAGE)).items().stream()
                    .map(LoraAdapter::id).map(id -> loras.details(actor, workspace, id)).toList();
        } catch (GovernanceException e) {
            prompts = List.of();
            adapters = List.of();
            Messages.error(null, e.getMessage());
        }
    }

    public void choose(PromptTemplateVersion latest) {
        chosen = latest;
        versions = templates.versions(caller.actor(), workspace, latest.template().id());
        diffTo = latest.version();
        diffFrom = Math.max(1, latest.version() - 1);
        diff = null;
    }

    public void compare() {
        try {
            diff = templates.diff(caller.actor(), workspace, chosen.template().id(), diffFrom, diffTo);
        } catch (GovernanceException e) {
            Messages.error("prompt-form:diff-from", e.getMessage());
        }
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }

    /** The average rating rounded to whole stars, as the star widget shows it. */
    public int stars(LoraDetails details) {
        return Math.round(details.adapter().ratingAverage());
    }

    public List<Integer> getVersionNumbers() {
        return versions.stream().map(PromptTemplateVersion::version).toList();
    }

    public List<String> getWorkspaces() { return workspaces; }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public List<PromptTemplateVersion> getPrompts() { return prompts; }
    public List<LoraDetails> getAdapters() { return adapters; }
    public PromptTemplateVersion getChosen() { return chosen; }
    public List<PromptTemplateVersion> getVersions() { return versions; }
    public Integer getDiffFrom() { return diffFrom; }
    public void setDiffFrom(Integer diffFrom) { this.diffFrom = diffFrom; }
    public Integer getDiffTo() { return diffTo; }
    public void setDiffTo(Integer diffTo) { this.diffTo = diffTo; }
    public TemplateDiff getDiff() { return diff; }
}
