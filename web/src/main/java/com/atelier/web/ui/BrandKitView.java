package com.atelier.web.ui;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.policy.BrandKit;
import com.atelier.governance.policy.BrandPolicies;
import com.atelier.governance.policy.BrandPolicyDraft;
import com.atelier.governance.policy.VersionedBrandPolicy;
import com.atelier.governance.policy.prompt.PromptDecision;
import com.atelier.governance.policy.prompt.RegexRule;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Backs the brand kit page: a workspace's current brand policy, edited by its brand managers (each save is a new
 * version) and read by every other member, its version history, and the "test this prompt" box.
 */
@Named
@ViewScoped
public class BrandKitView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}");

    private Caller caller;
    private BrandPolicies policies;
    private BrandKit brandKit;
    private WorkspaceDirectory directory;

    private List<WorkspaceMembership> visible = List.of();
    private String workspace;
    private VersionedBrandPolicy current;
    private List<VersionedBrandPolicy> versions = List.of();

    // the form: a copy of the current policy the brand manager edits
    private List<String> palette = new ArrayList<>();
    private String newColour;
    private Double paletteThreshold;
    private String bannedTerms;
    private String competitorMarks;
    private String triggerWords;
    private String promptPrefix;
    private String promptSuffix;
    private Integer maxPromptLength;
    private boolean allowPromptInManifest;
    private List<RuleRow> rules = new ArrayList<>();

    private String testPrompt;
    private String testNegativePrompt;
    private PromptDecision decision;

    protected BrandKitView() {
        // for CDI proxies
    }

    @Inject
    public BrandKitView(Caller caller, BrandPolicies policies, BrandKit brandKit, WorkspaceDirectory directory) {
        this.caller = caller;
        this.policies = policies;
        this.brandKit = brandKit;
        this.directory = directory;
    }

    @PostConstruct
    void load() {
        visible = directory.visibleTo(caller.actor());
        workspace = WorkspaceChoice.of(visible);
        reload();
    }

    /** Loads the chosen workspace's current policy into the form, its history and an empty test box. */
    public void reload() {
        decision = null;
        current = null;
        versions = List.of();
        if (workspace == null) {
            return;
        }
        try {
            Actor actor = caller.actor();
            show(policies.current(actor, workspace));
            versions = policies.versions(actor, workspace);
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    /** Whether the signed-in user may edit this workspace's policy: a brand manager who is a member there. */
    public boolean isEditable() {
        return visible.stream().filter(w -> w.slug().equals(workspace)).findFirst()
                .map(w -> w.may(Permission.EDIT_BRAND_POLICY))
                .orElse(false);
    }

    public void addColour() {
        String colour = newColour == null ? "" : newColour.strip();
        if (!HEX.matcher(colour).matches()) {
            Messages.error("kit-form:new-colour", "A colour is six hex digits, e.g. #e30613.");
            return;
        }
        colour = (colour.startsWith("#") ? colour : "#" + colour).toLowerCase(Locale.ROOT);
        if (!palette.contains(colour)) {
            palette.add(colour);
        }
        newColour = null;
    }

    public void removeColour(String colour) {
        palette.remove(colour);
    }

    public void addRule() {
        rules.add(new RuleRow());
    }

    public void removeRule(RuleRow row) {
        rules.remove(row);
    }

    /** Saves the form as the next version, based on the version shown (someone else's newer edit refuses it). */
    public void save() {
        try {
            int before = current.version();
            VersionedBrandPolicy saved = policies.update(caller.actor(), workspace, draft(), OptionalInt.of(before));
            show(saved);
            versions = policies.versions(caller.actor(), workspace);
            decision = null;
            if (saved.version() == before) {
                Messages.info(null, "Nothing changed", "The policy is the same as version " + before + ".");
            } else {
                Messages.info(null, "Saved version " + saved.version(), "Brand policy v" + saved.version()
                        + " of workspace '" + workspace + "' applies from now on.");
            }
        } catch (InvalidInputException e) {
            Messages.error("kit-form:" + fieldId(e.field()), e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void test() {
        try {
            decision = brandKit.testPrompt(caller.actor(), workspace, testPrompt, testNegativePrompt);
        } catch (InvalidInputException e) {
            decision = null;
            Messages.error("test-form:test-prompt", e.getMessage());
        } catch (GovernanceException e) {
            decision = null;
            Messages.error(null, e.getMessage());
        }
    }

    private void show(VersionedBrandPolicy version) {
        current = version;
        BrandPolicyDraft draft = BrandPolicyDraft.of(version.policy());
        palette = new ArrayList<>(draft.palette());
        paletteThreshold = draft.paletteThreshold();
        bannedTerms = lines(draft.bannedTerms());
        competitorMarks = lines(draft.competitorMarks());
        triggerWords = lines(draft.triggerWords());
        promptPrefix = draft.promptPrefix();
        promptSuffix = draft.promptSuffix();
        maxPromptLength = draft.maxPromptLength();
        allowPromptInManifest = Boolean.TRUE.equals(draft.allowPromptInManifest());
        rules = new ArrayList<>(draft.regexRules().stream().map(RuleRow::of).toList());
    }

    private BrandPolicyDraft draft() {
        return new BrandPolicyDraft(list(bannedTerms), list(competitorMarks),
                rules.stream().map(RuleRow::toRule).toList(), list(triggerWords), promptPrefix, promptSuffix,
                maxPromptLength, List.copyOf(palette), paletteThreshold, allowPromptInManifest);
    }

    /** The form field a governance complaint names (the record's field names are the form's ids, in kebab case). */
    private static String fieldId(String field) {
        return switch (field == null ? "" : field) {
            case "bannedTerms" -> "banned-terms";
            case "competitorMarks" -> "competitor-marks";
            case "triggerWords" -> "trigger-words";
            case "promptPrefix" -> "prompt-prefix";
            case "promptSuffix" -> "prompt-suffix";
            case "maxPromptLength" -> "max-prompt-length";
            case "paletteThreshold" -> "palette-threshold";
            case "regexRules" -> "rules-message";
            case "palette" -> "new-colour";
            default -> "save";
        };
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> list(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    /** One editable regex rule of the form. */
    public static class RuleRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private String pattern;
        private String message;

        static RuleRow of(RegexRule rule) {
            RuleRow row = new RuleRow();
            row.name = rule.name();
            row.pattern = rule.pattern();
            row.message = rule.message();
            return row;
        }

        RegexRule toRule() {
            return new RegexRule(name, pattern, message);
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getPattern() { return pattern; }
        public void setPattern(String pattern) { this.pattern = pattern; }
        public String getMessage() { return message; }
        public void setMessage(String message) { this.message = message; }
    }

    public List<String> getWorkspaces() { return visible.stream().map(WorkspaceMembership::slug).toList(); }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public VersionedBrandPolicy getCurrent() { return current; }
    public List<VersionedBrandPolicy> getVersions() { return versions; }
    public List<String> getPalette() { return palette; }
    public String getNewColour() { return newColour; }
    public void setNewColour(String newColour) { this.newColour = newColour; }
    public Double getPaletteThreshold() { return paletteThreshold; }
    public void setPaletteThreshold(Double paletteThreshold) { this.paletteThreshold = paletteThreshold; }
    public String getBannedTerms() { return bannedTerms; }
    public void setBannedTerms(String bannedTerms) { this.bannedTerms = bannedTerms; }
    public String getCompetitorMarks() { return competitorMarks; }
    public void setCompetitorMarks(String competitorMarks) { this.competitorMarks = competitorMarks; }
    public String getTriggerWords() { return triggerWords; }
    public void setTriggerWords(String triggerWords) { this.triggerWords = triggerWords; }
    public String getPromptPrefix() { return promptPrefix; }
    public void setPromptPrefix(String promptPrefix) { this.promptPrefix = promptPrefix; }
    public String getPromptSuffix() { return promptSuffix; }
    public void setPromptSuffix(String promptSuffix) { this.promptSuffix = promptSuffix; }
    public Integer getMaxPromptLength() { return maxPromptLength; }
    public void setMaxPromptLength(Integer maxPromptLength) { this.maxPromptLength = maxPromptLength; }
    public boolean isAllowPromptInManifest() { return allowPromptInManifest; }
    public void setAllowPromptInManifest(boolean allowPromptInManifest) { this.allowPromptInManifest = allowPromptInManifest; }
    public List<RuleRow> getRules() { return rules; }
    public String getTestPrompt() { return testPrompt; }
    public void setTestPrompt(String testPrompt) { this.testPrompt = testPrompt; }
    public String getTestNegativePrompt() { return testNegativePrompt; }
    public void setTestNegativePrompt(String testNegativePrompt) { this.testNegativePrompt = testNegativePrompt; }
    public PromptDecision getDecision() { return decision; }
}
