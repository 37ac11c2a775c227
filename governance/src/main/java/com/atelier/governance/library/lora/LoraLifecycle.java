package com.atelier.governance.library.lora;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.json.Jsonp;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The life of a LoRA adapter in the library: created, given versions (uploaded or trained files, inspected before
 * they are stored), versions published and deprecated, the adapter shared with every workspace. Uploading needs
 * TRAIN_LORA, publishing and deprecating PUBLISH_LORA, sharing MANAGE_WORKSPACES (admins). Every change is audited.
 */
@ApplicationScoped
public class LoraLifecycle {

    private EntityManager entityManager;
    private LoraAdapters adapters;
    private WorkspaceDirectory directory;
    private AssetStore store;
    private AuditTrail auditTrail;
    private Clock clock;

    protected LoraLifecycle() {
        // for CDI proxies
    }

    @Inject
    public LoraLifecycle(EntityManager entityManager, WorkspaceDirectory directory, AssetStore store,
                         AuditTrail auditTrail, Clock clock) {
        this.entityManager = entityManager;
        this.adapters = new LoraAdapters(entityManager);
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
        LoraAdapter adapter = adapters.owned(workspace, adapterId, LockModeType.PESSIMISTIC_WRITE);
        return addVersion(actor, workspaceSlug, adapter, file, provenance);
    }

    /** The adapter, if the actor may train new versions of it in this workspace (TRAIN_LORA, owned adapter). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LoraAdapter trainable(Actor actor, String workspaceSlug, long adapterId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.TRAIN_LORA);
        return adapters.owned(workspace, adapterId, LockModeType.NONE);
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
    private LoraVersion addVersion(Actor actor, String workspaceSlug, LoraAdapter adapter, byte[] file,
                                   TrainingProvenance provenance) {
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "Send the .safetensors file as the request body.");
        }
        LoraStructure structure = LoraInspector.inspect(file, adapter.family());
        String sha256 = Sha256.hex(file);
        List<LoraVersion> versions = adapters.versionsOf(adapter);
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
        LoraAdapter adapter = adapters.owned(workspace, adapterId, LockModeType.PESSIMISTIC_WRITE);
        LoraVersion version = adapters.versionOf(adapter, versionNumber);
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
        LoraAdapter adapter = adapters.owned(workspace, adapterId, LockModeType.PESSIMISTIC_WRITE);
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

    private void audit(Actor actor, String workspaceSlug, String action, LoraAdapter adapter,
                       JsonObjectBuilder summary) {
        auditTrail.append(LoraAdapters.changed(actor, workspaceSlug, action, adapter, summary));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
