package com.atelier.web.ui;

import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.Asset;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.governance.review.ReviewRequest;
import com.atelier.governance.review.Verdict;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Backs the review queue: the assets waiting for a decision in one workspace, a large viewer of the current one
 * with its lineage, single decisions with a comment and one verdict for several ticked assets at once.
 */
@Named
@ViewScoped
public class ReviewQueueView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One waiting asset and the review request it belongs to. */
    public record Waiting(Asset asset, ReviewRequest review) {
    }

    private Caller caller;
    private ReviewDesk desk;
    private WorkspaceDirectory directory;
    private AssetLineages lineages;

    private List<String> workspaces = List.of();
    private String workspace;
    private List<Waiting> queue = List.of();
    private int current;
    private AssetLineage lineage;
    private String comment = "";
    private String bulkComment = "";
    private final Map<UUID, Boolean> ticked = new HashMap<>();
    private boolean mineOnly;
    private String model = "";
    private String requester = "";
    private List<String> models = List.of();
    private List<String> requesters = List.of();

    protected ReviewQueueView() {
        // for CDI proxies
    }

    @Inject
    public ReviewQueueView(Caller caller, ReviewDesk desk, WorkspaceDirectory directory, AssetLineages lineages) {
        this.caller = caller;
        this.desk = desk;
        this.directory = directory;
        this.lineages = lineages;
    }

    @PostConstruct
    void load() {
        workspaces = directory.visibleTo(caller.actor()).stream()
                .filter(w -> w.may(Permission.APPROVE))
                .map(WorkspaceMembership::slug)
                .toList();
        workspace = workspaces.isEmpty() ? null : workspaces.get(0);
        reload();
    }

    /** Reads the queue again (after a decision, or when another workspace is chosen) and keeps the position. */
    public void reload() {
        ticked.clear();
        if (workspace == null) {
            queue = List.of();
            lineage = null;
            return;
        }
        var actor = caller.actor();
        Map<UUID, ReviewRequest> reviews = new LinkedHashMap<>();
        List<Waiting> all = desk.queue(actor, workspace).stream()
                .map(a -> new Waiting(a, reviews.computeIfAbsent(a.reviewId().orElseThrow(),
                        id -> desk.review(actor, workspace, id))))
                .toList();
        models = all.stream().map(w -> w.asset().model()).distinct().sorted().toList();
        requesters = all.stream().map(w -> w.asset().requester()).distinct().sorted().toList();
        // the filters narrow what is shown; the decision rules stay the desk's
        queue = all.stream()
                .filter(w -> !mineOnly || w.review().reviewers().contains(actor.userId()))
                .filter(w -> model == null || model.isEmpty() || w.asset().model().equals(model))
                .filter(w -> requester == null || requester.isEmpty() || w.asset().requester().equals(requester))
                .toList();
        show(Math.min(current, Math.max(0, queue.size() - 1)));
    }

    public void show(int index) {
        current = index;
        lineage = queue.isEmpty() ? null : lineages.of(caller.actor(), workspace, queue.get(index).asset().id());
    }

    public void next() {
        if (current + 1 < queue.size()) {
            show(current + 1);
        }
    }

    public void previous() {
        if (current > 0) {
            show(current - 1);
        }
    }

    public void approve() {
        decide(Verdict.APPROVE);
    }

    public void requestChanges() {
        decide(Verdict.REQUEST_CHANGES);
    }

    public void reject() {
        decide(Verdict.REJECT);
    }

    private void decide(Verdict verdict) {
        if (lineage == null) {
            return;
        }
        UUID asset = lineage.asset().id();
        try {
            var outcome = desk.decide(caller.actor(), workspace, asset, verdict, comment);
            Messages.info(null, "Decision recorded", "Asset " + asset + " is now " + outcome.state()
                    + " (" + outcome.approvals() + " of " + outcome.requiredApprovals() + " approvals).");
            comment = "";
            reload();
        } catch (InvalidInputException e) {
            Messages.error("comment".equals(e.field()) ? "decision-form:comment" : null, e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    /** One verdict with one comment for every ticked asset: all of them, or none. */
    public void approveTicked() {
        List<UUID> assets = ticked.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (assets.isEmpty()) {
            Messages.error("queue-form:bulk-comment", "Tick the assets to approve first.");
            return;
        }
        try {
            desk.decideAll(caller.actor(), workspace, assets, Verdict.APPROVE, bulkComment);
            Messages.info(null, "Approved", assets.size() + (assets.size() == 1 ? " asset" : " assets")
                    + " approved with one comment.");
            bulkComment = "";
            reload();
        } catch (InvalidInputException e) {
            Messages.error("queue-form:bulk-comment", e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public String previewUrl(Asset asset) {
        return Links.preview(workspace, asset.id());
    }

    public boolean isCurrent(Waiting waiting) {
        return lineage != null && lineage.asset().id().equals(waiting.asset().id());
    }

    public List<String> getWorkspaces() { return workspaces; }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public List<Waiting> getQueue() { return queue; }
    public int getCurrent() { return current; }
    public AssetLineage getLineage() { return lineage; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getBulkComment() { return bulkComment; }
    public void setBulkComment(String bulkComment) { this.bulkComment = bulkComment; }
    public Map<UUID, Boolean> getTicked() { return ticked; }
    public boolean isMineOnly() { return mineOnly; }
    public void setMineOnly(boolean mineOnly) { this.mineOnly = mineOnly; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getRequester() { return requester; }
    public void setRequester(String requester) { this.requester = requester; }
    public List<String> getModels() { return models; }
    public List<String> getRequesters() { return requesters; }
}
