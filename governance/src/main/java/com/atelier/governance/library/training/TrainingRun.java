package com.atelier.governance.library.training;

import com.atelier.governance.library.lora.LoraAdapter;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Training a new version of a LoRA adapter from reference images: the parameters, the images (in the asset store),
 * the prepared dataset, the backend job, progress, and the version it produced or why it failed.
 */
@Entity
@Table(name = "lora_training_run")
public class TrainingRun {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "adapter_id", nullable = false, updatable = false)
    private LoraAdapter adapter;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private TrainingState state;

    @Column(name = "progress", nullable = false)
    private int progress;

    @Column(name = "rank", nullable = false, updatable = false)
    private int rank;

    @Column(name = "steps", nullable = false, updatable = false)
    private int steps;

    @Column(name = "learning_rate", nullable = false, updatable = false)
    private String learningRate;

    @Column(name = "trigger_word", nullable = false, updatable = false)
    private String triggerWord;

    @Column(name = "image_hashes", nullable = false, updatable = false)
    private String imageHashes;

    @Column(name = "dataset_hash")
    private String datasetHash;

    @Column(name = "backend", nullable = false, updatable = false)
    private String backend;

    @Column(name = "backend_job_id")
    private String backendJobId;

    @Column(name = "batch_execution_id")
    private Long batchExecutionId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "failure")
    private String failure;

    @Column(name = "result_version")
    private Integer resultVersion;

    protected TrainingRun() {
        // for JPA
    }

    TrainingRun(UUID id, LoraAdapter adapter, TrainingParameters parameters, List<String> imageHashes, String backend,
                String requestedBy, Instant createdAt) {
        this.id = id;
        this.adapter = adapter;
        this.state = TrainingState.QUEUED;
        this.rank = parameters.rank();
        this.steps = parameters.steps();
        this.learningRate = parameters.learningRate().name();
        this.triggerWord = parameters.triggerWord();
        this.imageHashes = String.join(" ", imageHashes);
        this.backend = backend;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
    }

    void preparing(long executionId, Instant at) {
        this.state = TrainingState.PREPARING;
        this.batchExecutionId = executionId;
        this.startedAt = at;
        this.progress = 2;
    }

    void prepared(String datasetHash) {
        this.datasetHash = datasetHash;
        this.progress = 10;
    }

    void training(String backendJobId) {
        this.state = TrainingState.TRAINING;
        this.backendJobId = backendJobId;
    }

    /** Backend progress 0..100 maps onto 10..95; preparing and registering take the rest. */
    void trained(int backendPercent) {
        this.progress = Math.max(progress, 10 + Math.min(100, Math.max(0, backendPercent)) * 85 / 100);
    }

    void succeeded(int version, Instant at) {
        this.state = TrainingState.SUCCEEDED;
        this.resultVersion = version;
        this.progress = 100;
        this.finishedAt = at;
    }

    void failed(String reason, Instant at) {
        this.state = TrainingState.FAILED;
        this.failure = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        this.finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    public LoraAdapter adapter() {
        return adapter;
    }

    public TrainingState state() {
        return state;
    }

    public int progress() {
        return progress;
    }

    public TrainingParameters parameters() {
        return new TrainingParameters(rank, steps, TrainingParameters.LearningRate.valueOf(learningRate), triggerWord);
    }

    public List<String> imageHashes() {
        return List.of(imageHashes.split(" "));
    }

    public Optional<String> datasetHash() {
        return Optional.ofNullable(datasetHash);
    }

    public String backend() {
        return backend;
    }

    public Optional<String> backendJobId() {
        return Optional.ofNullable(backendJobId);
    }

    public String requestedBy() {
        return requestedBy;
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

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<Integer> resultVersion() {
        return Optional.ofNullable(resultVersion);
    }
}
