package com.atelier.governance.asset;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.AccessDeniedException;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Finds a workspace's assets (filters, paging), serves their bytes and keeps their tags. */
@ApplicationScoped
public class AssetCatalog {

    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AssetStore store;
    private AuditTrail auditTrail;

    protected AssetCatalog() {
        // for CDI proxies
    }

    @Inject
    public AssetCatalog(EntityManager entityManager, WorkspaceDirectory directory, AssetStore store,
                        AuditTrail auditTrail) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.store = store;
        this.auditTrail = auditTrail;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AssetPage find(Actor actor, String workspaceSlug, AssetQuery query) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        StringBuilder where = new StringBuilder(" FROM Asset a WHERE a.workspace = :ws");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ws", workspace);
        query.model().ifPresent(m -> condition(where, parameters, "a.model = :model", "model", m));
        query.requester().ifPresent(r -> condition(where, parameters, "a.requester = :requester", "requester", r));
        query.state().ifPresent(s -> condition(where, parameters, "a.state = :state", "state", s));
        query.from().ifPresent(f -> condition(where, parameters, "a.createdAt >= :from", "from", f));
        query.to().ifPresent(t -> condition(where, parameters, "a.createdAt < :to", "to", t));
        query.tag().ifPresent(t -> condition(where, parameters, ":tag MEMBER OF a.tags", "tag", t));
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(a)" + where, Long.class);
        TypedQuery<Asset> items = entityManager.createQuery("SELECT a" + where
                + " ORDER BY a.createdAt DESC, a.model, a.position", Asset.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new AssetPage(items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList(), query.page(), query.size(), count.getSingleResult());
    }

    /** The assets a job produced, in the order of its models and batch positions. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Asset> ofJob(UUID jobId) {
        return entityManager.createQuery("SELECT a FROM Asset a WHERE a.jobId = :job AND a.derivedFrom IS NULL"
                                + " ORDER BY a.model, a.position",
                        Asset.class)
                .setParameter("job", jobId)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Asset asset(Actor actor, String workspaceSlug, UUID assetId) {
        return inWorkspace(directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE), assetId,
                LockModeType.NONE);
    }

    /** The asset if it belongs to the workspace the caller already authorised; 404 otherwise. */
    public Asset inWorkspace(Workspace workspace, UUID assetId, LockModeType lock) {
        Asset asset = assetId == null ? null : entityManager.find(Asset.class, assetId, lock);
        if (asset == null || !asset.workspace().id().equals(workspace.id())) {
            throw new NotFoundException("No asset " + assetId + " in workspace '" + workspace.slug() + "'.");
        }
        return asset;
    }

    /**
     * An asset whose full-resolution bytes may leave the portal: only APPROVED ones. An export is audited, since
     * it is the moment an image goes out to the world.
     */
    @Transactional
    public Asset release(Actor actor, String workspaceSlug, UUID assetId, boolean export) {
        Asset asset = asset(actor, workspaceSlug, assetId);
        if (!asset.state().isReleasable()) {
            throw new ConflictException("Asset " + assetId + " is " + asset.state() + "; only APPROVED assets can be"
                    + " exported or downloaded in full resolution. Submit it for review first.");
        }
        if (export) {
            auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "asset.exported", "asset",
                    assetId.toString(), Jsonp.createObjectBuilder().add("sha256", asset.contentHash())
                            .add("mediaType", asset.mediaType()).build().toString()));
        }
        return asset;
    }

    /** The image bytes of an asset the caller obtained through {@link #asset}, which checked the access. */
    public byte[] content(Asset asset) {
        return store.get(asset.contentHash()).orElseThrow(() -> new NotFoundException("The bytes of asset "
                + asset.id() + " (sha256 " + asset.contentHash() + ") are missing from the asset store."));
    }

    /** Adds a tag; on an approved (locked) asset only reviewers may. */
    @Transactional
    public Asset tag(Actor actor, String workspaceSlug, UUID assetId, String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new InvalidInputException("tag", "A tag is 1 to 64 lower-case letters, digits and hyphens.");
        }
        Asset asset = asset(actor, workspaceSlug, assetId);
        if (asset.state().isLocked()) {
            if (!directory.memberMay(asset.workspace(), actor.userId(), Permission.APPROVE)
                    || !actor.can(Permission.APPROVE)) {
                throw new AccessDeniedException("Asset " + assetId + " is " + asset.state() + " and locked: only"
                        + " reviewers (art directors, brand managers) may tag it.");
            }
        } else {
            directory.access(actor, workspaceSlug, Permission.GENERATE);
        }
        if (!asset.tags().contains(tag)) {
            asset.tag(tag);
            auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "asset.tagged", "asset", assetId.toString(),
                    Jsonp.createObjectBuilder().add("tag", tag).build().toString()));
        }
        return asset;
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name,
                                  Object value) {
        where.append(" AND ").append(clause);
        parameters.put(name, value);
    }
}
