package com.atelier.governance.generation;

import com.atelier.governance.asset.SourceJob;
import com.atelier.governance.webhook.Webhook;
import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An accepted generation request, persisted before it is queued so that no crash or outage loses it. Its state
 * moves QUEUED → RUNNING → SUCCEEDED | FAILED, or QUEUED → CANCELLED; the transitions are guarded here.
 */
@Entity
@Table(name = "generation_job")
public class GenerationJob implements SourceJob {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "requester", nullable = false, updatable = false)
    private String requester;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private JobState state;

    @Column(name = "spec", nullable = false, updatable = false)
    private String spec;

    @Column(name = "seed", nullable = false, updatable = false)
    private long seed;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "failure")
    private String failure;

    @Column(name = "gpu_millis", nullable = false)
    private long gpuMillis;

    @Column(name = "webhook_url", updatable = false)
    private String webhookUrl;

    @Column(name = "webhook_secret", updatable = false)
    private String webhookSecret;

    protected GenerationJob() {
        // for JPA
    }

    GenerationJob(UUID id, Workspace workspace, String requester, GenerationSpec spec, String idempotencyKey,
                  Instant createdAt, Optional<Webhook> webhook) {
        this.id = id;
        this.workspace = workspace;
        this.requester = requester;
        this.spec = SpecJson.write(spec);
        this.seed = spec.seed();
        this.idempotencyKey = idempotencyKey;
        this.createdAt = createdAt;
        this.state = JobState.QUEUED;
        this.webhookUrl = webhook.map(w -> w.url().toString()).orElse(null);
        this.webhookSecret = webhook.map(Webhook::secret).orElse(null);
    }

    /** QUEUED → RUNNING; a RUNNING job is started again when its worker died before finishing it. */
    boolean start(Instant at) {
        if (state != JobState.QUEUED && state != JobState.RUNNING) {
            return false;
        }
        state = JobState.RUNNING;
        startedAt = at;
        attempts++;
        return true;
    }

    boolean succeed(Instant at, long gpuMillisUsed) {
        if (state != JobState.RUNNING) {
            return false;
        }
        state = JobState.SUCCEEDED;
        finishedAt = at;
        gpuMillis = gpuMillisUsed;
        return true;
    }

    boolean fail(Instant at, String reason) {
        if (state.isFinal()) {
            return false;
        }
        state = JobState.FAILED;
        finishedAt = at;
        failure = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
        return true;
    }

    boolean cancel(Instant at) {
        if (state != JobState.QUEUED) {
            return false;
        }
        state = JobState.CANCELLED;
        finishedAt = at;
        return true;
    }

    public UUID id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String requester() {
        return requester;
    }

    public JobState state() {
        return state;
    }

    public GenerationSpec spec() {
        return SpecJson.read(spec);
    }

    public long seed() {
        return seed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public long gpuMillis() {
        return gpuMillis;
    }

    public Optional<Webhook> webhook() {
        return webhookUrl == null ? Optional.empty() : Optional.of(Webhook.of(webhookUrl, webhookSecret));
    }
}
