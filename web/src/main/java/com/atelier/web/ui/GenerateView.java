package com.atelier.web.ui;

import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.Asset;
import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.generation.GenerationDesk;
import com.atelier.governance.generation.GenerationJob;
import com.atelier.governance.generation.GenerationOrder;
import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.generation.ModelCatalogue;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Backs the Generate page: the form (models side by side, prompt or template, size, count, seed, advanced
 * parameters), the job's progress while it renders, and the results grouped per model. The form becomes a
 * generation order as the API's body does: what the designer leaves unset stays unset, so the template's
 * suggestions and the portal's defaults apply in governance, not here.
 */
@Named
@ViewScoped
public class GenerateView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Caller caller;
    @Inject
    private GenerationDesk desk;
    @Inject
    private AssetCatalog assets;
    @Inject
    private ModelCatalogue catalogue;
    @Inject
    private WorkspaceDirectory directory;
    @Inject
    private GenerationPicks picks;

    private List<String> workspaces = List.of();
    private String workspace;
    private List<String> models = new ArrayList<>(List.of("sdxl"));
    private String prompt = "";
    private String negativePrompt = "";
    /** "widthxheight", or empty for the template's size, else the portal's. */
    private String size = "";
    private int count = 2;
    private Long seed;
    private Integer steps;
    private Float guidance;
    private UUID jobId;
    private String state;
    private String failure;
    private Map<String, List<Asset>> results = Map.of();

    @PostConstruct
    void load() {
        workspaces = directory.visibleTo(caller.actor()).stream()
                .filter(w -> w.may(Permission.GENERATE))
                .map(WorkspaceMembership::slug)
                .toList();
        // "Use in Generate" on the Libraries page opens this page with ?ws=<slug>&template=<id>
        var parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String asked = parameters.get("ws");
        workspace = asked != null && workspaces.contains(asked) ? asked
                : workspaces.isEmpty() ? null : workspaces.get(0);
        picks.load(workspace);
        String template = parameters.get("template");
        if (template != null && template.matches("\\d{1,18}")) {
            models = new ArrayList<>(); // the template's suggested model, unless the designer ticks one
            picks.setTemplateId(Long.valueOf(template));
            try {
                picks.templateChosen();
            } catch (GovernanceException e) {
                picks.setTemplateId(null);
                message(null, e.getMessage());
            }
        }
    }

    /** A different workspace offers different templates and LoRAs. */
    public void workspaceChanged() {
        picks.load(workspace);
    }

    public void generate() {
        boolean sized = size != null && !size.isBlank();
        String[] sides = sized ? size.split("x") : null;
        try {
            GenerationOrder order = new GenerationOrder(models == null || models.isEmpty() ? null : models,
                    blankAsUnset(prompt), blankAsUnset(negativePrompt), picks.chosenLoras(), seed, steps, guidance,
                    sized ? Integer.valueOf(sides[0]) : null, sized ? Integer.valueOf(sides[1]) : null, count, null,
                    picks.chosenTemplate().orElse(null));
            GenerationJob job = desk.submit(caller.actor(), workspace, order, Optional.empty(), Optional.empty()).job();
            jobId = job.id();
            seed = job.seed();
            refresh();
        } catch (InvalidInputException e) {
            message("generate-form:" + fieldId(e.field()), e.getMessage());
        } catch (GovernanceException e) {
            message(null, e.getMessage());
        }
    }

    /** "Use these settings again": the form takes the finished job's request, its seed and LoRAs included. */
    public void reuse() {
        if (jobId == null) {
            return;
        }
        GenerationSpec spec = desk.job(caller.actor(), workspace, jobId).spec();
        models = new ArrayList<>(spec.models());
        prompt = spec.template() == null ? spec.prompt() : prompt;
        // a template job's negative prompt is the template's, which it brings again
        negativePrompt = spec.template() == null ? spec.negativePrompt() : "";
        size = spec.width() + "x" + spec.height();
        count = spec.count();
        seed = spec.seed();
        steps = spec.steps();
        guidance = spec.guidance();
        picks.choose(spec.loras());
        message(null, "The form holds job " + jobId + "'s settings again, seed " + seed + " included.",
                FacesMessage.SEVERITY_INFO);
    }

    /** Called by the page's poll while a job runs. */
    public void refresh() {
        if (jobId == null) {
            return;
        }
        GenerationJob job = desk.job(caller.actor(), workspace, jobId);
        state = job.state().name();
        failure = job.failure().orElse(null);
        Map<String, List<Asset>> grouped = new LinkedHashMap<>();
        job.spec().models().forEach(m -> grouped.put(m, new ArrayList<>()));
        assets.ofJob(jobId).forEach(a -> grouped.computeIfAbsent(a.model(), m -> new ArrayList<>()).add(a));
        results = grouped;
    }

    public boolean isRunning() {
        return jobId != null && ("QUEUED".equals(state) || "RUNNING".equals(state));
    }

    public String imageUrl(Asset asset) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/workspaces/"
                + workspace + "/assets/" + asset.id() + "/preview";
    }

    public List<String> getAvailableModels() {
        return catalogue.textToImageModels();
    }

    public List<String> getSizes() {
        return List.of("512x512", "768x768", "1024x1024", "1152x896", "896x1152", "1344x768");
    }

    private static String blankAsUnset(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String fieldId(String field) {
        return switch (field) {
            case "models", "prompt", "count" -> field;
            case "loras" -> "lora-picker";
            case "negativePrompt" -> "negative";
            default -> field.startsWith("variables") || field.startsWith("template") ? "template" : "generate";
        };
    }

    private static void message(String clientId, String text) {
        message(clientId, text, FacesMessage.SEVERITY_ERROR);
    }

    private static void message(String clientId, String text, FacesMessage.Severity severity) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }

    public List<String> getWorkspaces() { return workspaces; }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public List<String> getModels() { return models; }
    public void setModels(List<String> models) { this.models = models; }
    public String getPrompt() { return prompt; }
    public void setPrompt(String prompt) { this.prompt = prompt; }
    public String getNegativePrompt() { return negativePrompt; }
    public void setNegativePrompt(String negativePrompt) { this.negativePrompt = negativePrompt; }
    public String getSize() { return size; }
    public void setSize(String size) { this.size = size; }
    public int getCount() { return count; }
    public void setCount(int count) { this.count = count; }
    public Long getSeed() { return seed; }
    public void setSeed(Long seed) { this.seed = seed; }
    public Integer getSteps() { return steps; }
    public void setSteps(Integer steps) { this.steps = steps; }
    public Float getGuidance() { return guidance; }
    public void setGuidance(Float guidance) { this.guidance = guidance; }
    public String getState() { return state; }
    public String getFailure() { return failure; }
    public UUID getJobId() { return jobId; }
    public Map<String, List<Asset>> getResults() { return results; }
    public List<String> getResultModels() { return new ArrayList<>(results.keySet()); }
}
