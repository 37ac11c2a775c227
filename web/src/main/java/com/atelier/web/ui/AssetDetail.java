package com.atelier.web.ui;

import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.AssetState;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.review.AssetComments;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.web.security.Caller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Backs the asset page: the large preview, state and lineage, comments with mentions, resubmission after changes
 * were requested and the audited export of an approved image.
 */
@Named
@ViewScoped
public class AssetDetail implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private AssetLineages lineages;
    private AssetComments comments;
    private ReviewDesk desk;
    private WorkspaceDirectory directory;

    private String workspace;
    private String id;
    private AssetLineage lineage;
    private List<String> members = List.of();
    private String commentText = "";

    protected AssetDetail() {
        // for CDI proxies
    }

    @Inject
    public AssetDetail(Caller caller, AssetLineages lineages, AssetComments comments, ReviewDesk desk,
                       WorkspaceDirectory directory) {
        this.caller = caller;
        this.lineages = lineages;
        this.comments = comments;
        this.desk = desk;
        this.directory = directory;
    }

    /** The page's view action: reads the asset named by ?ws=..&amp;id=.. */
    public void load() {
        try {
            lineage = lineages.of(caller.actor(), workspace, UUID.fromString(String.valueOf(id)));
            members = List.copyOf(directory.members(caller.actor(), workspace).keySet());
        } catch (IllegalArgumentException e) {
            lineage = null;
            Messages.error(null, "No asset " + id + ": the address needs ?ws=<workspace>&id=<asset id>.");
        } catch (GovernanceException e) {
            lineage = null;
            Messages.error(null, e.getMessage());
        }
    }

    public void comment() {
        try {
            comments.comment(caller.actor(), workspace, lineage.asset().id(), commentText, Optional.empty());
            commentText = "";
            Messages.info(null, "Comment added", "Mentioned members find it in their inbox.");
            load();
        } catch (InvalidInputException e) {
            Messages.error("comment-form:comment-text", e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void resubmit() {
        try {
            var outcome = desk.resubmit(caller.actor(), workspace, lineage.asset().id());
            Messages.info(null, "Resubmitted", "The asset is " + outcome.state() + " again; its reviewers were told.");
            load();
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public boolean isResubmittable() {
        return lineage != null && lineage.asset().state() == AssetState.CHANGES_REQUESTED
                && caller.actor().can(Permission.SUBMIT_FOR_REVIEW);
    }

    public boolean isExportable() {
        return lineage != null && lineage.asset().state().isReleasable();
    }

    public String getPreviewUrl() {
        return Links.preview(workspace, lineage.asset().id());
    }

    public String getExportUrl() {
        return Links.export(workspace, lineage.asset().id());
    }

    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public AssetLineage getLineage() { return lineage; }
    public List<String> getMembers() { return members; }
    public String getCommentText() { return commentText; }
    public void setCommentText(String commentText) { this.commentText = commentText; }
}
