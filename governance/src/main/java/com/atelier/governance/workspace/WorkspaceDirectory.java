package com.atelier.governance.workspace;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.access.Role;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.AccessDeniedException;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.webhook.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Creates workspaces, grants memberships and answers which workspaces a user may see. Every change is written to
 * the audit trail in the same transaction.
 */
@ApplicationScoped
public class WorkspaceDirectory {

    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");

    private EntityManager entityManager;
    private AuditTrail auditTrail;
    private Clock clock;

    protected WorkspaceDirectory() {
        // for CDI proxies
    }

    @Inject
    public WorkspaceDirectory(EntityManager entityManager, AuditTrail auditTrail, Clock clock) {
        this.entityManager = entityManager;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public WorkspaceMembership create(Actor actor, NewWorkspace spec) {
        actor.require(Permission.MANAGE_WORKSPACES, "create workspaces");
        if (find(spec.slug()).isPresent()) {
            throw new ConflictException("A workspace with the slug '" + spec.slug() + "' already exists; choose"
                    + " another slug.");
        }
        Workspace workspace = new Workspace(spec, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.userId());
        entityManager.persist(workspace);
        auditTrail.append(AuditEvent.inWorkspace(actor, workspace.slug(), "workspace.created", "workspace",
                workspace.slug(), Jsonp.createObjectBuilder()
                        .add("after", Jsonp.createObjectBuilder()
                                .add("slug", workspace.slug())
                                .add("name", workspace.name()))
                        .build().toString()));
        return WorkspaceMembership.of(workspace, actor, Optional.empty());
    }

    /**
     * Grants a user a role in a workspace, or changes the role they already hold there.
     *
     * @return the membership as it now stands
     */
    @Transactional
    public WorkspaceMembership grant(Actor actor, String slug, String userId, Role role) {
        actor.require(Permission.MANAGE_WORKSPACES, "manage workspace members");
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new InvalidInputException("userId", "A member is named by their Keycloak user name: 1 to 255"
                    + " letters, digits or . _ @ + -.");
        }
        if (role == null || !role.isWorkspaceScoped()) {
            throw new InvalidInputException("role", "A membership role must be one of "
                    + List.of(Role.values()).stream().filter(Role::isWorkspaceScoped).map(Role::realmName).toList()
                    + "; compliance and admin act across all workspaces without membership.");
        }
        Workspace workspace = find(slug).orElseThrow(() -> unknownWorkspace(slug));
        Optional<Membership> existing = membershipOf(workspace, userId);
        String before = existing.map(m -> m.role().realmName()).orElse("none");
        Membership membership = existing.orElseGet(() -> new Membership(workspace, userId, role, clock.instant(),
                actor.userId()));
        if (existing.isPresent()) {
            membership.changeRole(role, clock.instant(), actor.userId());
        } else {
            entityManager.persist(membership);
        }
        auditTrail.append(AuditEvent.inWorkspace(actor, slug, "membership.granted", "membership",
                slug + "/" + userId, Jsonp.createObjectBuilder()
                        .add("before", Jsonp.createObjectBuilder().add("role", before))
                        .add("after", Jsonp.createObjectBuilder().add("role", role.realmName()))
                        .build().toString()));
        return WorkspaceMembership.ofMember(workspace, role);
    }

    /**
     * Sets the workspace's own daily image limit (empty: the portal default) and keeps its in-flight limit; admins
     * only, audited.
     */
    @Transactional
    public Optional<Integer> changeDailyImageQuota(Actor actor, String slug, Optional<Integer> imagesPerDay) {
        Integer inFlight = find(slug).flatMap(Workspace::jobsInFlightPerUser).orElse(null);
        return Optional.ofNullable(changeQuota(actor, slug, new WorkspaceQuota(imagesPerDay.orElse(null), inFlight))
                .dailyImageQuota());
    }

    /** Sets both of the workspace's generation limits (a null field: the portal default); admins only, audited. */
    @Transactional
    public WorkspaceQuota changeQuota(Actor actor, String slug, WorkspaceQuota quota) {
        actor.require(Permission.MANAGE_WORKSPACES, "change a workspace's quota");
        Workspace workspace = find(slug).orElseThrow(() -> unknownWorkspace(slug));
        WorkspaceQuota before = workspace.quota();
        workspace.changeQuota(quota);
        auditTrail.append(AuditEvent.inWorkspace(actor, slug, "workspace.quota-changed", "workspace", slug,
                Jsonp.createObjectBuilder()
                        .add("before", quotaSummary(before))
                        .add("after", quotaSummary(quota))
                        .build().toString()));
        return quota;
    }

    private static jakarta.json.JsonObjectBuilder quotaSummary(WorkspaceQuota quota) {
        return Jsonp.createObjectBuilder()
                .add("dailyImageQuota", quota.dailyImageQuota() == null ? "default"
                        : String.valueOf(quota.dailyImageQuota()))
                .add("jobsInFlightPerUser", quota.jobsInFlightPerUser() == null ? "default"
                        : String.valueOf(quota.jobsInFlightPerUser()));
    }

    /** Changes how the workspace approves assets; only administrators may, and the change is audited. */
    @Transactional
    public ReviewSettings changeReviewSettings(Actor actor, String slug, ReviewSettings settings) {
        actor.require(Permission.MANAGE_WORKSPACES, "change a workspace's review settings");
        Workspace workspace = find(slug).orElseThrow(() -> unknownWorkspace(slug));
        ReviewSettings before = workspace.reviewSettings();
        workspace.changeReviewSettings(settings);
        auditTrail.append(AuditEvent.inWorkspace(actor, slug, "workspace.review-settings-changed", "workspace", slug,
                Jsonp.createObjectBuilder()
                        .add("before", reviewJson(before))
                        .add("after", reviewJson(settings))
                        .build().toString()));
        return settings;
    }

    private static jakarta.json.JsonObjectBuilder reviewJson(ReviewSettings settings) {
        return Jsonp.createObjectBuilder().add("requiredApprovals", settings.requiredApprovals())
                .add("selfApprovalAllowed", settings.selfApprovalAllowed());
    }

    /**
     * Registers (or, with an empty webhook, removes) the workspace's webhook; admins only. The audit entry names the
     * URL, never the secret.
     */
    @Transactional
    public Optional<Webhook> changeWebhook(Actor actor, String slug, Optional<Webhook> webhook) {
        actor.require(Permission.MANAGE_WORKSPACES, "change a workspace's webhook");
        Workspace workspace = find(slug).orElseThrow(() -> unknownWorkspace(slug));
        String before = workspace.webhook().map(w -> w.url().toString()).orElse("none");
        workspace.changeWebhook(webhook);
        auditTrail.append(AuditEvent.inWorkspace(actor, slug, "workspace.webhook-changed", "workspace", slug,
                Jsonp.createObjectBuilder()
                        .add("before", Jsonp.createObjectBuilder().add("url", before))
                        .add("after", Jsonp.createObjectBuilder().add("url",
                                webhook.map(w -> w.url().toString()).orElse("none")))
                        .build().toString()));
        return webhook;
    }

    /** Whether the user is a member of the workspace with a role that grants the permission. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean memberMay(Workspace workspace, String userId, Permission permission) {
        return membershipOf(workspace, userId).map(m -> m.role().grants(permission)).orElse(false);
    }

    /**
     * The workspaces the actor may see: all of them for compliance and admin, otherwise those they are a member
     * of, each with the actor's role there.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkspaceMembership> visibleTo(Actor actor) {
        Map<String, Role> memberOf = entityManager.createQuery(
                        "SELECT m FROM Membership m WHERE m.userId = :user", Membership.class)
                .setParameter("user", actor.userId())
                .getResultStream()
                .collect(Collectors.toMap(m -> m.workspace().slug(), Membership::role));
        if (actor.can(Permission.VIEW_ALL_WORKSPACES)) {
            return entityManager.createQuery("SELECT w FROM Workspace w ORDER BY w.slug", Workspace.class)
                    .getResultStream()
                    .map(w -> WorkspaceMembership.of(w, actor, Optional.ofNullable(memberOf.get(w.slug()))))
                    .toList();
        }
        return entityManager.createQuery("SELECT m FROM Membership m WHERE m.userId = :user"
                        + " ORDER BY m.workspace.slug", Membership.class)
                .setParameter("user", actor.userId())
                .getResultStream()
                .map(m -> WorkspaceMembership.of(m.workspace(), actor, Optional.of(m.role())))
                .toList();
    }

    /** The members of a workspace the actor may see, by user id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Role> members(Actor actor, String slug) {
        Workspace workspace = find(slug).orElseThrow(() -> unknownWorkspace(slug));
        boolean member = membershipOf(workspace, actor.userId()).isPresent();
        if (!member && !actor.can(Permission.VIEW_ALL_WORKSPACES)) {
            throw unknownWorkspace(slug); // not a member: do not reveal that it exists
        }
        return entityManager.createQuery("SELECT m FROM Membership m WHERE m.workspace = :ws ORDER BY m.userId",
                        Membership.class)
                .setParameter("ws", workspace)
                .getResultStream()
                .collect(Collectors.toMap(Membership::userId, Membership::role, (a, b) -> a,
                        TreeMap::new));
    }

    /**
     * The members, by user id, whose role in the workspace grants the permission: the reviewers a designer may
     * choose from, for instance. Visible to whoever may see the members.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> membersWhoMay(Actor actor, String slug, Permission permission) {
        return members(actor, slug).entrySet().stream()
                .filter(m -> m.getValue().grants(permission))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The workspace, if the actor may act in it with the permission: a member whose workspace role grants it
     * (and whose token still carries that role), or, for viewing, compliance and admin everywhere. A non-member
     * learns nothing about whether the workspace exists.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Workspace access(Actor actor, String slug, Permission permission) {
        // one query for the workspace and the actor's membership: this check runs on every request
        Object[] found = entityManager.createQuery("SELECT w, m FROM Workspace w LEFT JOIN Membership m"
                        + " ON m.workspace = w AND m.userId = :user WHERE w.slug = :slug", Object[].class)
                .setParameter("slug", slug)
                .setParameter("user", actor.userId())
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> unknownWorkspace(slug));
        Workspace workspace = (Workspace) found[0];
        Optional<Role> member = Optional.ofNullable((Membership) found[1]).map(Membership::role);
        if (WorkspaceMembership.permissionsOf(actor, member).contains(permission)) {
            return workspace;
        }
        Optional<Role> role = member.filter(r -> actor.roles().contains(r));
        if (role.isEmpty() && !actor.can(Permission.VIEW_ALL_WORKSPACES)) {
            throw unknownWorkspace(slug);
        }
        throw new AccessDeniedException("Your role in workspace '" + slug + "' ("
                + role.map(Role::realmName).orElse("none") + ") does not allow " + permission + ".");
    }

    private Optional<Workspace> find(String slug) {
        return entityManager.createQuery("SELECT w FROM Workspace w WHERE w.slug = :slug", Workspace.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    private Optional<Membership> membershipOf(Workspace workspace, String userId) {
        return entityManager.createQuery("SELECT m FROM Membership m WHERE m.workspace = :ws AND m.userId = :user",
                        Membership.class)
                .setParameter("ws", workspace)
                .setParameter("user", userId)
                .getResultStream()
                .findFirst();
    }

    private static NotFoundException unknownWorkspace(String slug) {
        return new NotFoundException("No workspace '" + slug + "' is visible to you.");
    }
}
