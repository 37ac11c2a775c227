package com.atelier.governance.policy;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.failure.StaleVersionException;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keeps the versions of each workspace's brand policy: brand managers write a new version, members, compliance and
 * admins read them, and the checks on prompts and images read the latest. Each edit is audited as
 * {@code brand-policy.updated} in the same transaction.
 * <p>
 * Within one transaction the latest version is read once: the prompt check and the manifest settings of one
 * generation request then come from the same version even if an edit commits in between, and the request makes one
 * query instead of one per check.
 */
@ApplicationScoped
public class BrandPolicies {

    // a global name: the output checks may create this bean on a Camel thread, which has no java:comp
    @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
    private TransactionSynchronizationRegistry transactions;

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AuditTrail auditTrail;
    private Clock clock;

    protected BrandPolicies() {
        // for CDI proxies
    }

    @Inject
    public BrandPolicies(EntityManager entityManager, WorkspaceDirectory directory, AuditTrail auditTrail,
                         Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** The policy that applies now, for anyone who may see the workspace. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionedBrandPolicy current(Actor actor, String workspaceSlug) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return latest(workspace.slug());
    }

    /** Every version, newest first; empty when none was ever written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VersionedBrandPolicy> versions(Actor actor, String workspaceSlug) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return entityManager.createQuery("SELECT v FROM BrandPolicyVersion v WHERE v.workspace = :ws"
                        + " ORDER BY v.version DESC", BrandPolicyVersion.class)
                .setParameter("ws", workspace)
                .getResultStream()
                .map(BrandPolicyVersion::toValue)
                .toList();
    }

    /** One version; version 0 is the empty policy every workspace starts with. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionedBrandPolicy version(Actor actor, String workspaceSlug, int version) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        if (version == 0) {
            return VersionedBrandPolicy.none(workspace.slug());
        }
        return entityManager.createQuery("SELECT v FROM BrandPolicyVersion v WHERE v.workspace = :ws"
                        + " AND v.version = :version", BrandPolicyVersion.class)
                .setParameter("ws", workspace)
                .setParameter("version", version)
                .getResultStream()
                .findFirst()
                .map(BrandPolicyVersion::toValue)
                .orElseThrow(() -> new NotFoundException("Workspace '" + workspaceSlug + "' has no brand policy"
                        + " version " + version + "."));
    }

    /**
     * Writes the draft as the next version, if the actor may edit the workspace's brand policy. An edit that changes
     * nothing writes nothing and returns the current version.
     *
     * @param basedOn the version the editor started from ({@code If-Match}); a newer one existing refuses the edit
     * @throws com.atelier.governance.failure.InvalidInputException naming the field, when the draft is invalid
     * @throws StaleVersionException                                 when {@code basedOn} is not the latest version
     */
    @Transactional
    public VersionedBrandPolicy update(Actor actor, String workspaceSlug, BrandPolicyDraft draft, OptionalInt basedOn) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.EDIT_BRAND_POLICY);
        BrandPolicy policy = draft.toPolicy();
        // Serialises edits of one workspace's policy; the unique (workspace, version) constraint backs it up.
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "brand-policy:" + workspace.slug())
                .getSingleResult();
        VersionedBrandPolicy before = stored(workspace.slug());
        if (basedOn.isPresent() && basedOn.getAsInt() != before.version()) {
            throw new StaleVersionException("The brand policy of workspace '" + workspaceSlug + "' is at version "
                    + before.version() + ", not " + basedOn.getAsInt() + ": someone else changed it. Reload it and"
                    + " apply your change again.");
        }
        if (policy.equals(before.policy())) {
            return before;
        }
        var stored = new BrandPolicyVersion(workspace, before.version() + 1, policy,
                clock.instant().truncatedTo(ChronoUnit.MICROS), actor.userId());
        entityManager.persist(stored);
        VersionedBrandPolicy after = stored.toValue();
        remember(after);
        auditTrail.append(AuditEvent.inWorkspace(actor, workspace.slug(), "brand-policy.updated", "brand-policy",
                workspace.slug() + "/v" + after.version(), BrandPolicyChanges.summary(before, after)));
        return after;
    }

    /**
     * The latest version of a workspace's policy, for checks that run on the portal's behalf (prompt policy, output
     * checks) after the caller was authorised; an unknown workspace has the empty policy.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VersionedBrandPolicy latest(String workspaceSlug) {
        if (transactions.getTransactionKey() == null) {
            return stored(workspaceSlug);
        }
        Object known = transactions.getResource(memoKey(workspaceSlug));
        if (known instanceof VersionedBrandPolicy policy) {
            return policy;
        }
        return remember(stored(workspaceSlug));
    }

    /** Only inside a transaction: {@link #latest} checks for one, {@link #update} always runs in one. */
    private VersionedBrandPolicy remember(VersionedBrandPolicy policy) {
        transactions.putResource(memoKey(policy.workspace()), policy);
        return policy;
    }

    private static String memoKey(String workspaceSlug) {
        return BrandPolicies.class.getName() + ":" + workspaceSlug;
    }

    private VersionedBrandPolicy stored(String workspaceSlug) {
        return entityManager.createQuery("SELECT v FROM BrandPolicyVersion v WHERE v.workspace.slug = :slug"
                        + " ORDER BY v.version DESC", BrandPolicyVersion.class)
                .setParameter("slug", workspaceSlug)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(BrandPolicyVersion::toValue)
                .orElseGet(() -> VersionedBrandPolicy.none(workspaceSlug));
    }
}
