package com.atelier.governance.library.training;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Origin;
import com.atelier.governance.access.Permission;
import com.atelier.governance.asset.AssetStore;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.library.lora.LoraAdapter;
import com.atelier.governance.library.lora.LoraLifecycle;
import com.atelier.governance.library.lora.LoraVersion;
import com.atelier.governance.library.lora.TrainingProvenance;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Starts LoRA training runs and carries them through the steps of the {@value #JOB} batch job: prepare the dataset,
 * train on the {@link TrainingBackend}, register the output as a DRAFT version. Starting needs TRAIN_LORA on an
 * adapter the workspace owns; the steps act on behalf of the run's requester and are audited as such.
 */
@ApplicationScoped
public class TrainingRuns {

    public static final String JOB = "lora-training";
    private static final Logger LOG = Logger.getLogger(TrainingRuns.class.getName());

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private LoraLifecycle loras;
    private AssetStore store;
    private TrainingBackend backend;
    private Event<TrainingRequested> requested;
    private AuditTrail auditTrail;
    private Clock clock;

    protected TrainingRuns() {
        // for CDI proxies
    }

    @Inject
    public TrainingRuns(EntityManager entityManager, WorkspaceDirectory directory, LoraLifecycle loras,
                        AssetStore store, TrainingBackend backend, Event<TrainingRequested> requested,
                        AuditTrail auditTrail, Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.loras = loras;
        this.store = store;
        this.backend = backend;
        this.requested = requested;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /** Checks the images, stores them and queues the run; the batch job starts once this commits. */
    @Transactional
    public TrainingRun start(Actor actor, String workspaceSlug, long adapterId, TrainingParameters parameters,
                             List<byte[]> images) {
        LoraAdapter adapter = loras.trainable(actor, workspaceSlug, adapterId);
        List<ReferenceImage> decoded = ReferenceImage.decodeAll(images);
        List<String> hashes = decoded.stream().map(i -> store.put(i.bytes())).toList();
        TrainingRun run = new TrainingRun(UUID.randomUUID(), adapter, parameters, hashes, backend.name(),
                actor.userId(), now());
        entityManager.persist(run);
        audit(actor, run, "lora.training-requested", Jsonp.createObjectBuilder()
                .add("rank", parameters.rank()).add("steps", parameters.steps())
                .add("learningRate", parameters.learningRate().name()).add("images", hashes.size())
                .add("backend", backend.name()));
        requested.fire(new TrainingRequested(run.id()));
        return run;
    }

    void launch(@Observes(during = TransactionPhase.AFTER_SUCCESS) TrainingRequested event) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", event.runId().toString());
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        LOG.info(() -> "training run " + event.runId() + " started as batch execution " + execution);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TrainingRun run(Actor actor, String workspaceSlug, UUID runId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        TrainingRun run = entityManager.find(TrainingRun.class, runId);
        if (run == null || !run.adapter().workspace().id().equals(workspace.id())) {
            throw new NotFoundException("No training run " + runId + " in workspace '" + workspaceSlug + "'.");
        }
        return run;
    }

    /** Step 1: resize the images, caption them with the trigger word, store the dataset zip. */
    @Transactional
    public void prepare(UUID runId, long executionId) {
        TrainingRun run = locked(runId);
        run.preparing(executionId, now());
        List<BufferedImage> images = run.imageHashes().stream()
                .map(hash -> ReferenceImage.decode("image " + hash, store.get(hash).orElseThrow(() ->
                        new NotFoundException("Reference image " + hash + " is missing from the asset store."))).image())
                .toList();
        run.prepared(store.put(TrainingDataset.zip(images, run.parameters().triggerWord())));
    }

    /** Step 2a: hand the dataset to the backend. */
    @Transactional
    public void submit(UUID runId) {
        TrainingRun run = locked(runId);
        String datasetHash = run.datasetHash().orElseThrow(() -> new IllegalStateException("run " + runId
                + " has no dataset"));
        byte[] dataset = store.get(datasetHash).orElseThrow(() -> new NotFoundException("The dataset of run " + runId
                + " is missing from the asset store."));
        run.training(backend.submit(new TrainingRequest(runId, run.adapter().family(), run.parameters(), datasetHash,
                dataset)));
    }

    /**
     * Step 2b: asks the backend how far it is and records the progress.
     *
     * @return true once the backend has finished successfully
     * @throws IllegalStateException with the backend's reason when it failed
     */
    @Transactional
    public boolean poll(UUID runId) {
        TrainingRun run = locked(runId);
        TrainingProgress progress = backend.progress(run.backendJobId().orElseThrow());
        if (progress.failure().isPresent()) {
            throw new IllegalStateException(progress.failure().get());
        }
        run.trained(progress.percent());
        return progress.finished();
    }

    /** Step 3: registers the backend's file as a new DRAFT version of the adapter. */
    @Transactional
    public LoraVersion register(UUID runId) {
        TrainingRun run = locked(runId);
        byte[] file = backend.result(run.backendJobId().orElseThrow());
        TrainingParameters p = run.parameters();
        LoraVersion version = loras.addTrainedVersion(requester(run), run.adapter().id(), file,
                new TrainingProvenance(Optional.of(run.imageHashes().size()), Optional.of(p.steps()),
                        Optional.of(run.requestedBy()), Optional.of(run.id())));
        run.succeeded(version.version(), now());
        audit(requester(run), run, "lora.training-succeeded", Jsonp.createObjectBuilder()
                .add("version", version.version()).add("sha256", version.contentHash()));
        return version;
    }

    /** Marks the run failed, in its own transaction so that the failure is kept whatever the step rolled back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID runId, String reason) {
        TrainingRun run = locked(runId);
        if (run.state().isFinal()) {
            return;
        }
        run.failed(reason, now());
        audit(requester(run), run, "lora.training-failed", Jsonp.createObjectBuilder().add("reason", reason));
    }

    private TrainingRun locked(UUID runId) {
        TrainingRun run = entityManager.find(TrainingRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new NotFoundException("No training run " + runId + ".");
        }
        return run;
    }

    private static Actor requester(TrainingRun run) {
        return new Actor(run.requestedBy(), Set.of(), Origin.INTERNAL);
    }

    private void audit(Actor actor, TrainingRun run, String action, JsonObjectBuilder summary) {
        auditTrail.append(AuditEvent.inWorkspace(actor, run.adapter().workspace().slug(), action, "lora-training-run",
                run.id().toString(), summary.add("adapter", run.adapter().name()).build().toString()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
