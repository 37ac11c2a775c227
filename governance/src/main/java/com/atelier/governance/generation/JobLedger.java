package com.atelier.governance.generation;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Origin;
import com.atelier.governance.asset.Asset;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.library.lora.LoraUsage;
import com.atelier.governance.quota.GenerationQuota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The workers' side of jobs: start, complete, fail. Each step locks the job row and checks its state, so a job
 * delivered twice (after a crash or a broker redelivery) produces its assets exactly once.
 */
@ApplicationScoped
public class JobLedger {

    /** The identity the generation workers act under in the audit trail. */
    public static final Actor WORKER = new Actor("system:generation-worker", Set.of(), Origin.INTERNAL);

    private EntityManager entityManager;
    private AuditTrail auditTrail;
    private GenerationQuota quota;
    private LoraUsage loraLibrary;
    private Event<JobFinished> finished;
    private Clock clock;

    protected JobLedger() {
        // for CDI proxies
    }

    @Inject
    public JobLedger(EntityManager entityManager, AuditTrail auditTrail, GenerationQuota quota, LoraUsage loraLibrary,
                     Event<JobFinished> finished, Clock clock) {
        this.entityManager = entityManager;
        this.auditTrail = auditTrail;
        this.quota = quota;
        this.loraLibrary = loraLibrary;
        this.finished = finished;
        this.clock = clock;
    }

    /** Marks the job RUNNING and hands out its ticket; empty when it is finished, cancelled or unknown. */
    @Transactional
    public Optional<JobTicket> start(UUID jobId) {
        GenerationJob job = entityManager.find(GenerationJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.start(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(new JobTicket(job.id(), job.workspace().slug(), job.requester(), job.spec(), job.attempts(),
                job.webhook().isPresent(), job.createdAt()));
    }

    /**
     * Records the rendered images as assets and the job as SUCCEEDED, in one transaction.
     *
     * @return false when the job was already completed (a duplicate delivery): nothing is written then
     */
    @Transactional
    public boolean complete(UUID jobId, List<RenderedImage> images, long gpuMillis) {
        GenerationJob job = entityManager.find(GenerationJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.succeed(clock.instant(), gpuMillis)) {
            return false;
        }
        GenerationSpec spec = job.spec();
        String loras = Jsonp.createArrayBuilder(spec.loras().stream()
                .map(l -> {
                    var lora = Jsonp.createObjectBuilder().add("name", l.name()).add("weight", l.weight());
                    if (l.sha256() != null) {
                        lora.add("version", l.version()).add("sha256", l.sha256());
                    }
                    return lora.build();
                })
                .toList()).build().toString();
        var assets = Jsonp.createArrayBuilder();
        List<Asset> made = new ArrayList<>(images.size());
        for (RenderedImage image : images) {
            // steps and guidance are null where the request left them to the model's default
            var parameters = Jsonp.createObjectBuilder();
            if (spec.steps() == null) {
                parameters.addNull("steps");
            } else {
                parameters.add("steps", spec.steps());
            }
            if (spec.guidance() == null) {
                parameters.addNull("guidance");
            } else {
                parameters.add("guidance", spec.guidance());
            }
            parameters.add("width", spec.width()).add("height", spec.height())
                    .add("scheduler", spec.scheduler())
                    .add("negativePrompt", spec.negativePrompt());
            Asset asset = new Asset(new Asset.Origin(job, spec.prompt(), image.model(), image.modelVersion(),
                    image.position(), image.seed(), loras, parameters.build().toString(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS)),
                    new Asset.Content(image.contentHash(), image.mediaType(), image.width(), image.height(),
                            image.gpuMillis()),
                    image.blockedReason());
            entityManager.persist(asset);
            made.add(asset);
            for (GenerationSpec.LoraChoice lora : spec.loras()) {
                if (lora.versionId() != null) {
                    loraLibrary.recordUse(lora.versionId(), image.model(), Optional.of(jobId), Optional.of(asset.id()));
                }
            }
            assets.add(Jsonp.createObjectBuilder().add("asset", asset.id().toString()).add("model", image.model())
                    .add("state", asset.state().name()).add("sha256", image.contentHash()));
        }
        quota.jobFinished(job.requester());
        finished.fire(new JobFinished(job, made));
        auditTrail.append(AuditEvent.inWorkspace(WORKER, job.workspace().slug(), "generation.completed", "generation",
                jobId.toString(), Jsonp.createObjectBuilder().add("assets", assets).add("gpuMillis", gpuMillis)
                        .build().toString()));
        return true;
    }

    /**
     * Ends the job FAILED with a reason the requester can read.
     *
     * @return false for a job that was already finished: nothing changes then
     */
    @Transactional
    public boolean fail(UUID jobId, String reason) {
        GenerationJob job = entityManager.find(GenerationJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
        if (job == null || !job.fail(clock.instant(), reason)) {
            return false;
        }
        quota.jobFinished(job.requester());
        finished.fire(new JobFinished(job, List.of()));
        auditTrail.append(AuditEvent.inWorkspace(WORKER, job.workspace().slug(), "generation.failed",
                "generation", jobId.toString(), Jsonp.createObjectBuilder().add("reason", reason).build().toString()));
        return true;
    }

    /** Jobs accepted but not finished: after a restart they are queued again (consumers are idempotent). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> unfinished() {
        return entityManager.createQuery("SELECT j.id FROM GenerationJob j WHERE j.state IN :states"
                        + " ORDER BY j.createdAt", UUID.class)
                .setParameter("states", List.of(JobState.QUEUED, JobState.RUNNING))
                .getResultList();
    }
}
