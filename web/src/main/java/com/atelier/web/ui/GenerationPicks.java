package com.atelier.web.ui;

import com.atelier.governance.generation.GenerationOrder;
import com.atelier.governance.generation.GenerationSpec;
import com.atelier.governance.library.lora.LoraCatalog;
import com.atelier.governance.library.lora.LoraQuery;
import com.atelier.governance.library.lora.LoraState;
import com.atelier.governance.library.prompt.PromptTemplateQuery;
import com.atelier.governance.library.prompt.PromptTemplates;
import com.atelier.governance.library.prompt.TemplateVariable;
import com.atelier.web.security.Caller;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The Generate page's library pickers: a prompt template with its variables instead of a typed prompt, and the
 * workspace's published LoRAs with a weight each. The choices go into the generation order; the generation desk
 * renders the template and pins the LoRA versions.
 */
@Named
@ViewScoped
public class GenerationPicks implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A published LoRA offered on the page: whether it is chosen, and its weight. */
    public static final class LoraPick implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String family;
        private final String triggerWord;
        private boolean chosen;
        private double weight = 0.8;

        LoraPick(String name, String family, String triggerWord) {
            this.name = name;
            this.family = family;
            this.triggerWord = triggerWord;
        }

        public String getName() { return name; }
        public String getFamily() { return family; }
        public String getTriggerWord() { return triggerWord; }
        public boolean isChosen() { return chosen; }
        public void setChosen(boolean chosen) { this.chosen = chosen; }
        public double getWeight() { return weight; }
        public void setWeight(double weight) { this.weight = weight; }
    }

    /** One variable of the chosen template, with its allowed values when it is a choice. */
    public static final class VariableField implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final List<String> allowed;
        private String value = "";

        VariableField(TemplateVariable variable) {
            this.name = variable.name();
            this.allowed = List.copyOf(variable.allowed());
            this.value = allowed.isEmpty() ? "" : allowed.get(0);
        }

        public String getName() { return name; }
        public List<String> getAllowed() { return allowed; }
        public boolean isChoice() { return !allowed.isEmpty(); }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
    }

    @Inject
    private Caller caller;
    @Inject
    private LoraCatalog loras;
    @Inject
    private PromptTemplates templates;

    private String workspace;
    private List<LoraPick> loraPicks = List.of();
    private List<SelectItem> templateOptions = List.of();
    private Long templateId;
    private List<VariableField> variables = List.of();

    /** Loads what the workspace's libraries offer; called when the page opens and when the workspace changes. */
    public void load(String workspaceSlug) {
        this.workspace = workspaceSlug;
        templateId = null;
        variables = List.of();
        if (workspaceSlug == null) {
            loraPicks = List.of();
            templateOptions = List.of();
            return;
        }
        var actor = caller.actor();
        loraPicks = loras.find(actor, workspaceSlug, new LoraQuery(Optional.empty(), Optional.of(LoraState.PUBLISHED),
                        LoraQuery.Order.NAME, 0, LoraQuery.MAX_SIZE)).items().stream()
                .map(a -> new LoraPick(a.name(), a.family().code(), a.triggerWord()))
                .toList();
        templateOptions = templates.find(actor, workspaceSlug, new PromptTemplateQuery(Optional.empty(),
                        Optional.empty(), PromptTemplateQuery.Order.USAGE, 0, PromptTemplateQuery.MAX_SIZE)).items().stream()
                .map(v -> new SelectItem(v.template().id(), v.content().name()))
                .toList();
    }

    /** Shows the chosen template's variables. */
    public void templateChosen() {
        variables = templateId == null ? List.of()
                : templates.latest(caller.actor(), workspace, templateId).content().variables().stream()
                .map(VariableField::new).toList();
    }

    /** The chosen template, latest version, with the page's variable values; empty when none is chosen. */
    public Optional<GenerationOrder.TemplateRef> chosenTemplate() {
        if (templateId == null) {
            return Optional.empty();
        }
        var values = new LinkedHashMap<String, String>();
        variables.forEach(v -> values.put(v.getName(), v.getValue()));
        return Optional.of(new GenerationOrder.TemplateRef(templateId, null, values));
    }

    public List<GenerationSpec.LoraChoice> chosenLoras() {
        return loraPicks.stream().filter(LoraPick::isChosen)
                .map(p -> new GenerationSpec.LoraChoice(p.getName(), (float) p.getWeight())).toList();
    }

    /** Ticks the LoRAs of an earlier request again, with their weights ("use these settings again"). */
    public void choose(List<GenerationSpec.LoraChoice> earlier) {
        loraPicks.forEach(p -> p.setChosen(false));
        for (GenerationSpec.LoraChoice choice : earlier) {
            loraPicks.stream().filter(p -> p.getName().equals(choice.name())).findFirst().ifPresent(p -> {
                p.setChosen(true);
                p.setWeight(choice.weight());
            });
        }
    }

    public List<LoraPick> getLoraPicks() { return loraPicks; }
    public List<SelectItem> getTemplateOptions() { return templateOptions; }
    public Long getTemplateId() { return templateId; }
    public void setTemplateId(Long templateId) { this.templateId = templateId; }
    public List<VariableField> getVariables() { return variables; }
}
