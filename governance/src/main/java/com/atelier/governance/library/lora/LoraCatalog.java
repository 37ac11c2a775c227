package com.atelier.governance.library.lora;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reading the LoRA library: adapters of the workspace and the shared ones, filtered and ordered; an adapter's
 * details (versions, usage, compatibility per model, the caller's rating, previews); a version and its file. Needs
 * VIEW_WORKSPACE.
 */
@ApplicationScoped
public class LoraCatalog {

    public static final int PREVIEWS = 12;

    private EntityManager entityManager;
    private LoraAdapters adapters;
    private WorkspaceDirectory directory;
    private AssetStore store;

    protected LoraCatalog() {
        // for CDI proxies
    }

    @Inject
    public LoraCatalog(EntityManager entityManager, WorkspaceDirectory directory, AssetStore store) {
        this.entityManager = entityManager;
        this.adapters = new LoraAdapters(entityManager);
        this.directory = directory;
        this.store = store;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoraPage find(Actor actor, String workspaceSlug, LoraQuery query) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        StringBuilder where = new StringBuilder(" FROM LoraAdapter a WHERE (a.workspace = :ws OR a.shared = true)");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ws", workspace);
        query.family().ifPresent(f -> {
            where.append(" AND a.family = :family");
            parameters.put("family", f.code());
        });
        query.state().ifPresent(s -> {
            where.append(" AND EXISTS (SELECT v FROM LoraVersion v WHERE v.adapter = a AND v.state = :state)");
            parameters.put("state", s);
        });
        String order = switch (query.order()) {
            case RATING -> " ORDER BY a.ratingAverage DESC, a.ratingCount DESC, a.name";
            case USAGE -> " ORDER BY a.useCount DESC, a.name";
            case NAME -> " ORDER BY lower(a.name), a.id";
            case RECENT -> " ORDER BY a.createdAt DESC, a.id DESC";
        };
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(a)" + where, Long.class);
        TypedQuery<LoraAdapter> items = entityManager.createQuery("SELECT a" + where + order, LoraAdapter.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new LoraPage(items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList(), query.page(), query.size(), count.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoraDetails details(Actor actor, String workspaceSlug, long adapterId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        LoraAdapter adapter = adapters.visible(workspace, adapterId);
        Map<Integer, Long> usesByVersion = new TreeMap<>();
        entityManager.createQuery("SELECT v.version, count(u) FROM LoraUse u JOIN u.version v WHERE v.adapter = :a"
                        + " GROUP BY v.version", Object[].class)
                .setParameter("a", adapter)
                .getResultList()
                .forEach(row -> usesByVersion.put((Integer) row[0], (Long) row[1]));
        Map<String, LoraDetails.ModelCompatibility> compatibility = new LinkedHashMap<>();
        entityManager.createQuery("SELECT u.model, count(u) FROM LoraUse u WHERE u.version.adapter = :a"
                        + " GROUP BY u.model ORDER BY u.model", Object[].class)
                .setParameter("a", adapter)
                .getResultList()
                .forEach(row -> compatibility.put((String) row[0],
                        new LoraDetails.ModelCompatibility((String) row[0], null, 0, (Long) row[1])));
        entityManager.createQuery("SELECT r.model, avg(r.stars), count(r) FROM LoraRating r WHERE r.adapterId = :id"
                        + " AND r.model IS NOT NULL GROUP BY r.model ORDER BY r.model", Object[].class)
                .setParameter("id", adapter.id())
                .getResultList()
                .forEach(row -> {
                    String model = (String) row[0];
                    long uses = Optional.ofNullable(compatibility.get(model)).map(c -> c.uses()).orElse(0L);
                    compatibility.put(model, new LoraDetails.ModelCompatibility(model, (Double) row[1],
                            (Long) row[2], uses));
                });
        Optional<Integer> mine = Optional.ofNullable(entityManager.find(LoraRating.class,
                new LoraRating.Key(adapter.id(), actor.userId()))).map(LoraRating::stars);
        // only images of the caller's own workspace, even for an adapter shared by another one
        List<UUID> previews = entityManager.createQuery("SELECT u.assetId FROM LoraUse u WHERE u.version.adapter = :a"
                        + " AND u.assetId IS NOT NULL AND EXISTS (SELECT s FROM Asset s WHERE s.id = u.assetId"
                        + " AND s.workspace = :ws) ORDER BY u.usedAt DESC", UUID.class)
                .setParameter("a", adapter)
                .setParameter("ws", workspace)
                .setMaxResults(PREVIEWS)
                .getResultList();
        return new LoraDetails(adapter, adapters.versionsOf(adapter), usesByVersion,
                List.copyOf(compatibility.values()), mine, previews);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoraVersion version(Actor actor, String workspaceSlug, long adapterId, int versionNumber) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return adapters.versionOf(adapters.visible(workspace, adapterId), versionNumber);
    }

    /** The file of a version obtained through {@link #version}, which checked the access. */
    public byte[] content(LoraVersion version) {
        return store.get(version.contentHash()).orElseThrow(() -> new NotFoundException("The file of LoRA '"
                + version.adapter().name() + "' version " + version.version() + " (sha256 " + version.contentHash()
                + ") is missing from the asset store."));
    }
}
