package com.atelier.web.ui;

import com.atelier.governance.asset.Asset;
import com.atelier.governance.asset.AssetCatalog;
import com.atelier.governance.asset.AssetQuery;
import com.atelier.governance.asset.AssetState;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.quota.GenerationQuota;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.access.Permission;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The home page's gallery: a workspace's recent assets (newest first, filtered by model, state, tag and person,
 * a page at a time), how many wait for review and how much of today's image quota is used.
 */
@Named
@ViewScoped
public class HomeGallery implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 24;

    @Inject
    private Caller caller;
    @Inject
    private WorkspaceDirectory directory;
    @Inject
    private AssetCatalog catalog;
    @Inject
    private ReviewDesk reviews;
    @Inject
    private GenerationQuota quota;

    private List<String> workspaces = List.of();
    private String workspace;
    private String model = "";
    private String state = "";
    private String tag = "";
    private String requester = "";
    private int page;
    private List<Asset> assets = List.of();
    private long total;
    private long waiting;
    private GenerationQuota.DailyUse used;

    @PostConstruct
    void load() {
        List<WorkspaceMembership> visible = directory.visibleTo(caller.actor());
        workspaces = visible.stream().map(WorkspaceMembership::slug).toList();
        workspace = WorkspaceChoice.of(visible);
        reload();
    }

    /** Reads the gallery again from the first page (after a filter or the workspace changed). */
    public void reload() {
        page = 0;
        read();
    }

    public void more() {
        page++;
        read();
    }

    private void read() {
        if (workspace == null) {
            return;
        }
        var actor = caller.actor();
        try {
            var found = catalog.find(actor, workspace, new AssetQuery(blank(model), blank(requester),
                    blank(state).map(AssetState::valueOf), Optional.empty(), Optional.empty(), blank(tag), 0,
                    Math.min(AssetQuery.MAX_SIZE, PAGE * (page + 1))));
            assets = found.items();
            total = found.total();
            waiting = reviews.queue(actor, workspace).size();
            Workspace chosen = directory.access(actor, workspace, Permission.VIEW_WORKSPACE);
            used = quota.today(workspace, chosen.dailyImageQuota().orElse(null));
        } catch (GovernanceException e) {
            assets = List.of();
            Messages.error(null, e.getMessage());
        }
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String previewUrl(Asset asset) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/api/v1/workspaces/"
                + workspace + "/assets/" + asset.id() + "/preview";
    }

    public List<String> getStates() {
        return Arrays.stream(AssetState.values()).map(Enum::name).toList();
    }

    public boolean isMoreAvailable() {
        return assets.size() < total && assets.size() < AssetQuery.MAX_SIZE;
    }

    public List<String> getWorkspaces() { return workspaces; }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getTag() { return tag; }
    public void setTag(String tag) { this.tag = tag; }
    public String getRequester() { return requester; }
    public void setRequester(String requester) { this.requester = requester; }
    public List<Asset> getAssets() { return assets; }
    public long getTotal() { return total; }
    public long getWaiting() { return waiting; }
    public GenerationQuota.DailyUse getUsed() { return used; }
}
