package com.atelier.governance.library.lora;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The governed LoRA library: adapters and their versions (uploaded files are inspected before they are stored),
 * publication, ratings, comments, usage, and the resolution of a generation's LoRA choices to published files.
 * Uploading needs TRAIN_LORA, publishing and deprecating PUBLISH_LORA, rating and commenting COMMENT, reading
 * VIEW_WORKSPACE; sharing with all workspaces is an admin's (MANAGE_WORKSPACES). Every change is audited.
 */
@ApplicationScoped
public class LoraLibrary {

    public static final int PREVIEWS = 12;
    private static final Pattern MODEL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AssetStore store;
    private AuditTrail auditTrail;
    private Clock clock;

    protected LoraLibrary() {
        // for CDI proxies
    }

    @Inject
    public LoraLibrary(EntityManager entityManager, WorkspaceDirectory directory, AssetStore store,
                       AuditTrail auditTrail, Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.store = store;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public LoraAdapter create(Actor actor, String workspaceSlug, NewLoraAdapter spec) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.TRAIN_LORA);
        boolean taken = !entityManager.createQuery("SELECT a FROM LoraAdapter a WHERE a.workspace = :ws"
                        + " AND a.name = :name", LoraAdapter.class)
                .setParameter("ws", workspace).setParameter("name", spec.name()).getResultList().isEmpty();
        if (taken) {
            throw new ConflictException("Workspace '" + workspaceSlug + "' already has a LoRA adapter named '"
                    + spec.name() + "'; upload a new version to it instead.");
        }
        LoraAdapter adapter = new LoraAdapter(workspace, spec, now(), actor.userId());
        entityManager.persist(adapter);
        audit(actor, workspaceSlug, "lora.created", adapter, Jsonp.createObjectBuilder()
                .add("name", adapter.name()).add("family", adapter.family().code())
                .add("triggerWord", adapter.triggerWord()));
        return adapter;
    }

    /**
     * Inspects the file (safetensors structure, LoRA pairs, one rank, layer names of the adapter's family), stores
     * it in the asset store and adds it as a DRAFT version.
     */
    @Transactional
    public LoraVersion upload(Actor actor, String workspaceSlug, long adapterId, byte[] file,
                              TrainingProvenance provenance) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.TRAIN_LORA);
        LoraAdapter adapter = owned(workspace, adapterId, LockModeType.PESSIMISTIC_WRITE);
        return addVersion(actor, workspaceSlug, adapter, file, provenance);
    }

    /** The adapter, if the actor may train new versions of it in this workspace (TRAIN_LORA, owned adapter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LoraAdapter trainable(Actor actor, String workspaceSlug, long adapterId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.TRAIN_LORA);
        return owned(workspace, adapterId, LockModeType.NONE);
    }

    /**
     * Adds the output of a training run as a DRAFT version, inspected like an upload. The run's requester was
     * authorised with {@link #trainable} when the run started; this is called later, by the batch job.
     */
    @Transactional
    public LoraVersion addTrainedVersion(Actor requester, long adapterId, byte[] file, TrainingProvenance provenance) {
        LoraAdapter adapter = entityManager.find(LoraAdapter.class, adapterId, LockModeType.PESSIMISTIC_WRITE);
        if (adapter == null) {
            throw new NotFoundException("No LoRA adapter " + adapterId + ".");
        }
        return addVersion(requester, adapter.workspace().slug(), adapter, file, provenance);
    }

    /** Adds a file to an adapter the caller has already authorised and locked (uploads and training runs). */
    LoraVersion addVersion(Actor actor, String workspaceSlug, LoraAdapter adapter, byte[] file,
                           TrainingProvenance provenance) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "Send the .safetensors file as the request body.");
        }
        LoraStructure structure = LoraInspector.inspect(file, adapter.family());
        String sha256 = Sha256.hex(file);
        List<LoraVersion> versions = versionsOf(adapter);
        versions.stream().filter(v -> v.contentHash().equals(sha256)).findFirst().ifPresent(v -> {
            throw new ConflictException("This file (sha256 " + sha256 + ") is already version " + v.version()
                    + " of LoRA '" + adapter.name() + "'.");
        });
        String stored = store.put(file);
        if (!stored.equals(sha256)) {
            throw new IllegalStateException("asset store returned " + stored + " for a file with sha256 " + sha256);
        }
        int number = versions.stream().mapToInt(LoraVersion::version).max().orElse(0) + 1;
        LoraVersion version = new LoraVersion(adapter, number, sha256, file.length, structure, provenance,
                actor.userId(), now());
        entityManager.persist(version);
        JsonObjectBuilder summary = Jsonp.createObjectBuilder()
                .add("version", number).add("sha256", sha256).add("sizeBytes", file.length)
                .add("rank", structure.rank()).add("layers", structure.layerCount());
        provenance.trainingRunId().ifPresent(run -> summary.add("trainingRun", run.toString()));
        audit(actor, workspaceSlug, "lora.version-uploaded", adapter, summary);
        return version;
    }

    @Transactional
    public LoraVersion publish(Actor actor, String workspaceSlug, long adapterId, int versionNumber) {
        return transition(actor, workspaceSlug, adapterId, versionNumber, LoraState.DRAFT, LoraState.PUBLISHED);
    }

    @Transactional
    public LoraVersion deprecate(Actor actor, String workspaceSlug, long adapterId, int versionNumber) {
        return transition(actor, workspaceSlug, adapterId, versionNumber, LoraState.PUBLISHED, LoraState.DEPRECATED);
    }

    private LoraVersion transition(Actor actor, String workspaceSlug, long adapterId, int versionNumber,
                                   LoraState from, LoraState to) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.PUBLISH_LORA);
        LoraAdapter adapter = owned(workspace, adapterId, LockModeType.PESSIMISTIC_WRITE);
        LoraVersion version = versionOf(adapter, versionNumber);
        if (version.state() != from) {
            throw new ConflictException("Version " + versionNumber + " of LoRA '" + adapter.name() + "' is "
                    + version.state() + "; only a " + from + " version can become " + to + ".");
        }
        if (to == LoraState.PUBLISHED) {
            version.publish(actor.userId(), now());
        } else {
            version.deprecate(actor.userId(), now());
        }
        audit(actor, workspaceSlug, to == LoraState.PUBLISHED ? "lora.version-published" : "lora.version-deprecated",
                adapter, Jsonp.createObjectBuilder().add("version", versionNumber)
                        .add("before", from.name()).add("after", to.name()).add("sha256", version.contentHash()));
        return version;
    }

    /** Shares an adapter with every workspace, or stops sharing it; admins only. */
    @Transactional
    public LoraAdapter share(Actor actor, String workspaceSlug, long adapterId, boolean shared) {
        actor.require(Permission.MANAGE_WORKSPACES, "share LoRA adapters with every workspace");
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        LoraAdapter adapter = owned(workspace, adapterId, LockModeType.PESSIMISTIC_WRITE);
        if (shared && !adapter.shared()) {
            boolean taken = !entityManager.createQuery("SELECT a FROM LoraAdapter a WHERE a.shared = true"
                            + " AND a.name = :name", LoraAdapter.class)
                    .setParameter("name", adapter.name()).getResultList().isEmpty();
            if (taken) {
                throw new ConflictException("Another shared LoRA is already named '" + adapter.name() + "'; a shared"
                        + " name must mean one adapter in every workspace.");
            }
        }
        if (adapter.shared() != shared) {
            adapter.share(shared);
            audit(actor, workspaceSlug, shared ? "lora.shared" : "lora.unshared", adapter,
                    Jsonp.createObjectBuilder().add("shared", shared));
        }
        return adapter;
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
        LoraAdapter adapter = visible(workspace, adapterId);
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
        return new LoraDetails(adapter, versionsOf(adapter), usesByVersion, List.copyOf(compatibility.values()), mine,
                previews);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LoraVersion version(Actor actor, String workspaceSlug, long adapterId, int versionNumber) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return versionOf(visible(workspace, adapterId), versionNumber);
    }

    /** The file of a version obtained through {@link #version}, which checked the access. */
    public byte[] content(LoraVersion version) {
        return store.get(version.contentHash()).orElseThrow(() -> new NotFoundException("The file of LoRA '"
                + version.adapter().name() + "' version " + version.version() + " (sha256 " + version.contentHash()
                + ") is missing from the asset store."));
    }

    /**
     * Sets the caller's rating (1 to 5 stars), replacing an earlier one.
     *
     * @param model the model it was judged on, which must be of the adapter's family; empty for a general rating
     */
    @Transactional
    public LoraAdapter rate(Actor actor, String workspaceSlug, long adapterId, int stars, Optional<String> model) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.COMMENT);
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("stars", "A rating is 1 to 5 stars (was " + stars + ").");
        }
        LoraAdapter adapter = visible(workspace, adapterId);
        entityManager.lock(adapter, LockModeType.PESSIMISTIC_WRITE);
        if (model.isPresent()) {
            if (!MODEL.matcher(model.get()).matches() || BaseFamily.ofModel(model.get()).isEmpty()) {
                throw new InvalidInputException("model", "'" + model.get() + "' is not a model LoRAs exist for.");
            }
            if (BaseFamily.ofModel(model.get()).get() != adapter.family()) {
                throw new InvalidInputException("model", "LoRA '" + adapter.name() + "' is for "
                        + adapter.family().code() + " models; '" + model.get() + "' is not one.");
            }
        }
        LoraRating rating = entityManager.find(LoraRating.class, new LoraRating.Key(adapter.id(), actor.userId()));
        Integer before = rating == null ? null : rating.stars();
        if (rating == null) {
            rating = new LoraRating(adapter.id(), actor.userId());
            rating.rate(stars, model.orElse(null), now());
            entityManager.persist(rating);
        } else {
            rating.rate(stars, model.orElse(null), now());
        }
        entityManager.flush();
        Object[] totals = entityManager.createQuery("SELECT count(r), avg(r.stars) FROM LoraRating r"
                        + " WHERE r.adapterId = :id", Object[].class)
                .setParameter("id", adapter.id())
                .getSingleResult();
        adapter.ratings(((Long) totals[0]).intValue(), totals[1] == null ? 0f : ((Double) totals[1]).floatValue());
        JsonObjectBuilder summary = Jsonp.createObjectBuilder().add("after", stars);
        if (before != null) {
            summary.add("before", before);
        }
        model.ifPresent(m -> summary.add("model", m));
        audit(actor, workspace.slug(), "lora.rated", adapter, summary);
        return adapter;
    }

    @Transactional
    public LoraComment comment(Actor actor, String workspaceSlug, long adapterId, String body) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.COMMENT);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "A comment must not be empty.");
        }
        if (body.length() > 4000) {
            throw new InvalidInputException("body", "A comment is at most 4000 characters.");
        }
        LoraAdapter adapter = visible(workspace, adapterId);
        LoraComment comment = new LoraComment(adapter, actor.userId(), body.strip(), now());
        entityManager.persist(comment);
        audit(actor, workspace.slug(), "lora.commented", adapter, Jsonp.createObjectBuilder()
                .add("bodySha256", Sha256.hex(comment.body())));
        return comment;
    }

    /** Comments, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoraComment> comments(Actor actor, String workspaceSlug, long adapterId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        LoraAdapter adapter = visible(workspace, adapterId);
        return entityManager.createQuery("SELECT c FROM LoraComment c WHERE c.adapter = :a"
                        + " ORDER BY c.createdAt, c.id", LoraComment.class)
                .setParameter("a", adapter)
                .getResultList();
    }

    /**
     * Resolves a generation request's LoRA choices to the newest PUBLISHED version of each, for the generation desk
     * to call after it has authorised the request. An adapter of the workspace wins over a shared one of the same
     * name.
     *
     * @throws InvalidInputException on field {@code loras} naming the LoRA and why (unknown, nothing published,
     *                               family does not fit a model, weight outside [-2, 2])
     */
    // a refusal must not doom the caller's transaction: the generation desk still audits the rejected request
    @Transactional(value = Transactional.TxType.SUPPORTS, dontRollbackOn = GovernanceException.class)
    public List<ResolvedLora> resolve(String workspaceSlug, List<String> models, List<RequestedLora> choices) {
        return LoraResolution.resolve(models, choices, name -> candidate(workspaceSlug, name));
    }

    private Optional<LoraResolution.Candidate> candidate(String workspaceSlug, String name) {
        return entityManager.createQuery("SELECT a FROM LoraAdapter a WHERE a.name = :name"
                        + " AND (a.workspace.slug = :ws OR a.shared = true)"
                        + " ORDER BY CASE WHEN a.workspace.slug = :ws THEN 0 ELSE 1 END", LoraAdapter.class)
                .setParameter("name", name)
                .setParameter("ws", workspaceSlug)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(a -> new LoraResolution.Candidate(a.id(), a.name(), a.triggerWord(), a.family(),
                        versionsOf(a).stream().map(v -> new LoraResolution.Version(v.id(), v.version(), v.state(),
                                v.contentHash(), v.sizeBytes(), v.rank())).toList()));
    }

    /**
     * Counts one image (or job) made with a LoRA version on a model; the generation flow calls it when it stores the
     * image. Not audited separately: the asset and its job are the record.
     */
    @Transactional
    public void recordUse(long adapterVersionId, String model, Optional<UUID> jobId, Optional<UUID> assetId) {
        LoraVersion version = entityManager.find(LoraVersion.class, adapterVersionId);
        if (version == null) {
            throw new NotFoundException("No LoRA version " + adapterVersionId + ".");
        }
        entityManager.persist(new LoraUse(version, model, jobId.orElse(null), assetId.orElse(null), now()));
        entityManager.createNativeQuery("UPDATE lora_adapter SET use_count = use_count + 1 WHERE id = ?1")
                .setParameter(1, version.adapter().id())
                .executeUpdate();
    }

    /** An adapter owned by the workspace: the only kind whose versions the workspace may change. */
    LoraAdapter owned(Workspace workspace, long adapterId, LockModeType lock) {
        LoraAdapter adapter = entityManager.find(LoraAdapter.class, adapterId, lock);
        if (adapter == null || !adapter.workspace().id().equals(workspace.id())) {
            if (adapter != null && adapter.shared()) {
                throw new ConflictException("LoRA '" + adapter.name() + "' is shared by workspace '"
                        + adapter.workspace().slug() + "'; only that workspace changes it.");
            }
            throw unknown(workspace, adapterId);
        }
        return adapter;
    }

    private LoraAdapter visible(Workspace workspace, long adapterId) {
        LoraAdapter adapter = entityManager.find(LoraAdapter.class, adapterId);
        if (adapter == null || !(adapter.shared() || adapter.workspace().id().equals(workspace.id()))) {
            throw unknown(workspace, adapterId);
        }
        return adapter;
    }

    private List<LoraVersion> versionsOf(LoraAdapter adapter) {
        return entityManager.createQuery("SELECT v FROM LoraVersion v WHERE v.adapter = :a ORDER BY v.version",
                        LoraVersion.class)
                .setParameter("a", adapter)
                .getResultList();
    }

    private LoraVersion versionOf(LoraAdapter adapter, int number) {
        return entityManager.createQuery("SELECT v FROM LoraVersion v WHERE v.adapter = :a AND v.version = :n",
                        LoraVersion.class)
                .setParameter("a", adapter)
                .setParameter("n", number)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("LoRA '" + adapter.name() + "' has no version " + number
                        + "."));
    }

    private static NotFoundException unknown(Workspace workspace, long adapterId) {
        return new NotFoundException("No LoRA adapter " + adapterId + " in workspace '" + workspace.slug() + "'.");
    }

    private void audit(Actor actor, String workspaceSlug, String action, LoraAdapter adapter,
                       JsonObjectBuilder summary) {
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, action, "lora", adapter.id().toString(),
                summary.add("adapter", adapter.name()).build().toString()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
