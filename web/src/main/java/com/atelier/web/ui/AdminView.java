package com.atelier.web.ui;

import com.atelier.governance.access.Role;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.webhook.Webhook;
import com.atelier.governance.workspace.NewWorkspace;
import com.atelier.governance.workspace.ReviewSettings;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Backs the admin page: every workspace and the creation of new ones, and for the chosen workspace its members and
 * their roles, its review settings and its webhook. Governance checks the admin's permission on every change.
 */
@Named
@ViewScoped
public class AdminView implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private WorkspaceDirectory directory;

    private List<WorkspaceMembership> workspaces = List.of();
    private String workspace;
    private List<Member> members = List.of();

    private String newSlug;
    private String newName;
    private String newDescription;
    private Integer newQuota;

    private String memberId;
    private String memberRole = Role.DESIGNER.realmName();

    private int requiredApprovals = 1;
    private boolean selfApprovalAllowed;

    private String webhookUrl;
    private Integer dailyQuota;
    private String newWebhookUrl;
    private String newWebhookSecret;

    protected AdminView() {
        // for CDI proxies
    }

    @Inject
    public AdminView(Caller caller, WorkspaceDirectory directory) {
        this.caller = caller;
        this.directory = directory;
    }

    @PostConstruct
    void load() {
        workspaces = directory.visibleTo(caller.actor());
        workspace = workspaces.isEmpty() ? null : workspaces.get(0).slug();
        choose();
    }

    /** Shows the chosen workspace's members, review settings and webhook. */
    public void choose() {
        if (workspace == null) {
            return;
        }
        try {
            members = directory.members(caller.actor(), workspace).entrySet().stream()
                    .map(e -> new Member(e.getKey(), e.getValue().realmName())).toList();
            Workspace chosen = directory.access(caller.actor(), workspace,
                    com.atelier.governance.access.Permission.VIEW_WORKSPACE);
            requiredApprovals = chosen.reviewSettings().requiredApprovals();
            selfApprovalAllowed = chosen.reviewSettings().selfApprovalAllowed();
            webhookUrl = chosen.webhook().map(w -> w.url().toString()).orElse(null);
            dailyQuota = chosen.dailyImageQuota().orElse(null);
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void create() {
        try {
            WorkspaceMembership created = directory.create(caller.actor(),
                    new NewWorkspace(blankToNull(newSlug), newName, newDescription, newQuota));
            workspaces = directory.visibleTo(caller.actor());
            workspace = created.slug();
            newSlug = null;
            newName = null;
            newDescription = null;
            newQuota = null;
            choose();
            Messages.info(null, "Workspace created", "Workspace '" + created.slug() + "' exists now; add its members.");
        } catch (InvalidInputException e) {
            Messages.error("create-form:" + switch (e.field()) {
                case "name" -> "new-name";
                case "description" -> "new-description";
                case "dailyImageQuota" -> "new-quota";
                default -> "new-slug";
            }, e.getMessage());
        } catch (GovernanceException e) {
            Messages.error("create-form:new-slug", e.getMessage());
        }
    }

    public void grant() {
        try {
            Role role = Role.fromRealmName(memberRole).orElseThrow(() -> new InvalidInputException("role",
                    "Choose a role."));
            String user = memberId == null ? null : memberId.strip();
            directory.grant(caller.actor(), workspace, user, role);
            choose();
            Messages.info(null, "Role granted", user + " is " + role.realmName() + " in '" + workspace + "'.");
            memberId = null;
        } catch (InvalidInputException e) {
            Messages.error("role".equals(e.field()) ? "members-form:member-role" : "members-form:member-id",
                    e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void saveQuota() {
        try {
            directory.changeDailyImageQuota(caller.actor(), workspace, java.util.Optional.ofNullable(dailyQuota));
            Messages.info(null, "Quota saved", "'" + workspace + "' may generate " + (dailyQuota == null
                    ? "the portal's default number of" : dailyQuota) + " images per day (UTC).");
        } catch (InvalidInputException e) {
            Messages.error("quota-form:daily-quota", e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public Integer getDailyQuota() { return dailyQuota; }
    public void setDailyQuota(Integer dailyQuota) { this.dailyQuota = dailyQuota; }

    public void saveReviewSettings() {
        try {
            ReviewSettings saved = directory.changeReviewSettings(caller.actor(), workspace,
                    new ReviewSettings(requiredApprovals, selfApprovalAllowed));
            Messages.info(null, "Review settings saved", "'" + workspace + "' now needs " + saved.requiredApprovals()
                    + " approval(s); self-approval " + (saved.selfApprovalAllowed() ? "allowed" : "not allowed") + ".");
        } catch (InvalidInputException e) {
            Messages.error("review-form:required-approvals", e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void saveWebhook() {
        try {
            directory.changeWebhook(caller.actor(), workspace,
                    Optional.of(Webhook.of(blankToNull(newWebhookUrl), newWebhookSecret)));
            webhookUrl = newWebhookUrl.strip();
            newWebhookUrl = null;
            newWebhookSecret = null;
            Messages.info(null, "Webhook saved", "Finished jobs of '" + workspace + "' are announced to " + webhookUrl
                    + ".");
        } catch (InvalidInputException e) {
            Messages.error(e.field() != null && e.field().endsWith("secret") ? "webhook-form:webhook-secret"
                    : "webhook-form:webhook-url", e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public void removeWebhook() {
        try {
            directory.changeWebhook(caller.actor(), workspace, Optional.empty());
            webhookUrl = null;
            Messages.info(null, "Webhook removed", "'" + workspace + "' announces finished jobs to no one now.");
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    /** A member of the chosen workspace and the role they hold there. */
    public record Member(String userId, String role) implements Serializable {
    }

    /** The roles a membership can carry: compliance and admin act everywhere without one. */
    public List<String> getMembershipRoles() {
        return Arrays.stream(Role.values()).filter(Role::isWorkspaceScoped).map(Role::realmName).toList();
    }

    public List<String> getSlugs() {
        return workspaces.stream().map(WorkspaceMembership::slug).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<WorkspaceMembership> getWorkspaces() { return workspaces; }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public List<Member> getMembers() { return members; }
    public String getNewSlug() { return newSlug; }
    public void setNewSlug(String newSlug) { this.newSlug = newSlug; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
    public String getNewDescription() { return newDescription; }
    public void setNewDescription(String newDescription) { this.newDescription = newDescription; }
    public Integer getNewQuota() { return newQuota; }
    public void setNewQuota(Integer newQuota) { this.newQuota = newQuota; }
    public String getMemberId() { return memberId; }
    public void setMemberId(String memberId) { this.memberId = memberId; }
    public String getMemberRole() { return memberRole; }
    public void setMemberRole(String memberRole) { this.memberRole = memberRole; }
    public int getRequiredApprovals() { return requiredApprovals; }
    public void setRequiredApprovals(int requiredApprovals) { this.requiredApprovals = requiredApprovals; }
    public boolean isSelfApprovalAllowed() { return selfApprovalAllowed; }
    public void setSelfApprovalAllowed(boolean selfApprovalAllowed) { this.selfApprovalAllowed = selfApprovalAllowed; }
    public String getWebhookUrl() { return webhookUrl; }
    public String getNewWebhookUrl() { return newWebhookUrl; }
    public void setNewWebhookUrl(String newWebhookUrl) { this.newWebhookUrl = newWebhookUrl; }
    public String getNewWebhookSecret() { return newWebhookSecret; }
    public void setNewWebhookSecret(String newWebhookSecret) { this.newWebhookSecret = newWebhookSecret; }
}
