package com.atelier.governance.generation;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.library.lora.LoraUsage;
import com.atelier.governance.library.lora.RequestedLora;
import com.atelier.governance.policy.BrandPolicies;
import com.atelier.governance.policy.prompt.PromptDecision;
import com.atelier.governance.library.prompt.PromptTemplates;
import com.atelier.governance.failure.AccessDeniedException;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.failure.PolicyViolationException;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.policy.prompt.PromptPolicy;
import com.atelier.governance.quota.GenerationQuota;
import com.atelier.governance.webhook.Webhook;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Where designers hand in generation orders, from the API and the Generate page alike: authorises, renders a
 * template order, checks the spec against the model catalogue and the prompt policy, persists the job, audits it
 * and queues it. A refused request is audited too and leaves nothing else behind.
 */
@ApplicationScoped
public class GenerationDesk {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
    /** Seeds stay below 2^48 so every client language can hold them exactly. */
    private static final long SEED_BOUND = 1L << 48;

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private ModelCatalogue catalogue;
    private PromptPolicy promptPolicy;
    private JobQueue queue;
    private GenerationQuota quota;
    private LoraUsage loras;
    private BrandPolicies brandPolicies;
    private PromptTemplates templates;
    private Event<JobFinished> finished;
    private AuditTrail auditTrail;
    private Clock clock;

    protected GenerationDesk() {
        // for CDI proxies
    }

    @Inject
    public GenerationDesk(EntityManager entityManager, WorkspaceDirectory directory, ModelCatalogue catalogue,
                          PromptPolicy promptPolicy, JobQueue queue, GenerationQuota quota,
                          LoraUsage loras, PromptTemplates templates, BrandPolicies brandPolicies,
                          Event<JobFinished> finished, AuditTrail auditTrail, Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.catalogue = catalogue;
        this.promptPolicy = promptPolicy;
        this.queue = queue;
        this.quota = quota;
        this.loras = loras;
        this.brandPolicies = brandPolicies;
        this.templates = templates;
        this.finished = finished;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * Accepts an order, or returns the job an earlier order with the same idempotency key created. Refusals of the
     * spec commit their audit entry and nothing else; an order that does not make a spec (a template that does not
     * render, a missing prompt or model) is refused before that, as there is no spec to audit.
     */
    @Transactional(dontRollbackOn = GovernanceException.class)
    public Submission submit(Actor actor, String workspaceSlug, GenerationOrder order, Optional<String> idempotencyKey,
                             Optional<Webhook> webhook) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.GENERATE);
        GenerationSpec requested = order.templateRef()
                .map(t -> order.toSpec(templates.render(actor, workspaceSlug, t.id(), Optional.ofNullable(t.version()),
                        t.variables())))
                .orElseGet(order::toSpec);
        GenerationSpec spec = requested;
        try {
            if (idempotencyKey.isPresent()) {
                if (!IDEMPOTENCY_KEY.matcher(idempotencyKey.get()).matches()) {
                    throw new InvalidInputException("Idempotency-Key", "The Idempotency-Key header must be 1 to 128"
                            + " visible ASCII characters, e.g. a UUID.");
                }
                Optional<GenerationJob> earlier = byIdempotencyKey(workspace, actor.userId(), idempotencyKey.get());
                if (earlier.isPresent()) {
                    return new Submission(earlier.get(), true);
                }
            }
            List<String> offered = catalogue.textToImageModels();
            for (String model : spec.models()) {
                if (!offered.contains(model)) {
                    throw new InvalidInputException("models", "Unknown model '" + model + "'; this portal offers "
                            + String.join(", ", offered) + ".");
                }
            }
            List<String> violations = spec.models().stream()
                    .flatMap(model -> catalogue.violations(model, requested).stream().map(v -> model + ": " + v))
                    .toList();
            if (!violations.isEmpty()) {
                throw new InvalidInputException("spec", String.join("; ", violations) + ".");
            }
            // the exact published versions are pinned now, so a later publication never changes an accepted job
            spec = spec.withLoras(loras.resolve(workspaceSlug, spec.models(), spec.loras().stream()
                            .map(l -> new RequestedLora(l.name(), l.weight())).toList()).stream()
                    .map(l -> new GenerationSpec.LoraChoice(l.name(), l.weight(), l.version(), l.versionId(),
                            l.sha256()))
                    .toList());
            PromptDecision decision = promptPolicy.apply(workspaceSlug, spec.prompt(), spec.negativePrompt());
            if (!decision.allowed()) {
                throw new PolicyViolationException(decision.message());
            }
            spec = spec.withPrompt(decision.effectivePrompt())
                    .withPromptInManifest(brandPolicies.latest(workspaceSlug).policy().allowPromptInManifest());
            quota.reserve(workspace.slug(), workspace.dailyImageQuota().orElse(null),
                    workspace.jobsInFlightPerUser().orElse(null), actor.userId(),
                    spec.count() * spec.models().size());
        } catch (GovernanceException refused) {
            auditTrail.append(AuditEvent.inWorkspace(actor, workspace.slug(), "generation.rejected", "generation",
                    "rejected", summary(spec).add("reason", refused.getMessage()).build().toString()));
            throw refused;
        }
        long seed = spec.seed() != null ? spec.seed() : ThreadLocalRandom.current().nextLong(SEED_BOUND);
        GenerationJob job = new GenerationJob(UUID.randomUUID(), workspace, actor.userId(), spec.withSeed(seed),
                idempotencyKey.orElse(null), clock.instant().truncatedTo(ChronoUnit.MICROS),
                webhook.or(workspace::webhook));
        entityManager.persist(job);
        auditTrail.append(AuditEvent.inWorkspace(actor, workspace.slug(), "generation.requested", "generation",
                job.id().toString(), summary(spec).add("seed", seed).build().toString()));
        if (spec.template() != null) {
            templates.recordUse(spec.template().versionId(), Optional.of(job.id()));
        }
        queue.enqueue(job.id());
        return new Submission(job, false);
    }

    /** The job a submission created, or found when the idempotency key had been used before ({@code replayed}). */
    public record Submission(GenerationJob job, boolean replayed) {
    }

    /** A job of the workspace, if the actor may see the workspace. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public GenerationJob job(Actor actor, String workspaceSlug, UUID jobId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        GenerationJob job = entityManager.find(GenerationJob.class, jobId);
        if (job == null || !job.workspace().id().equals(workspace.id())) {
            throw new NotFoundException("No generation job " + jobId + " in workspace '" + workspaceSlug + "'.");
        }
        return job;
    }

    /** Cancels a job that has not started; its requester may, nobody else. */
    @Transactional
    public GenerationJob cancel(Actor actor, String workspaceSlug, UUID jobId) {
        GenerationJob job = job(actor, workspaceSlug, jobId);
        if (!job.requester().equals(actor.userId())) {
            throw new AccessDeniedException("Only " + job.requester()
                    + ", who requested job " + jobId + ", may cancel it.");
        }
        entityManager.lock(job, LockModeType.PESSIMISTIC_WRITE);
        if (!job.cancel(clock.instant())) {
            throw new ConflictException("Job " + jobId + " is " + job.state() + "; only a QUEUED job can be cancelled.");
        }
        quota.jobFinished(job.requester());
        finished.fire(new JobFinished(job, List.of()));
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, "generation.cancelled", "generation",
                jobId.toString(), "{}"));
        return job;
    }

    private Optional<GenerationJob> byIdempotencyKey(Workspace workspace, String requester, String key) {
        return entityManager.createQuery("SELECT j FROM GenerationJob j WHERE j.workspace = :ws"
                        + " AND j.requester = :requester AND j.idempotencyKey = :key", GenerationJob.class)
                .setParameter("ws", workspace)
                .setParameter("requester", requester)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /** What the audit keeps of a request: never the prompt itself, only its SHA-256. */
    private static JsonObjectBuilder summary(GenerationSpec spec) {
        var models = Jsonp.createArrayBuilder();
        spec.models().forEach(models::add);
        return Jsonp.createObjectBuilder()
                .add("models", models)
                .add("count", spec.count())
                .add("size", spec.width() + "x" + spec.height())
                .add("promptSha256", Sha256.hex(spec.prompt()));
    }
}
