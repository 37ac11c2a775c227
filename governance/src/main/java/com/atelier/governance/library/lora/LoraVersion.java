package com.atelier.governance.library.lora;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One file of a LoRA adapter: its bytes in the asset store under their SHA-256, what inspection found in it, how it
 * was trained, and where it is in its life (DRAFT → PUBLISHED → DEPRECATED). The file never changes; a new file is
 * a new version.
 */
@Entity
@Table(name = "lora_version")
public class LoraVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "adapter_id", nullable = false, updatable = false)
    private LoraAdapter adapter;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private LoraState state;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "rank", nullable = false, updatable = false)
    private int rank;

    @Column(name = "layer_count", nullable = false, updatable = false)
    private int layerCount;

    @Column(name = "key_format", nullable = false, updatable = false)
    private String keyFormat;

    @Column(name = "dataset_size", updatable = false)
    private Integer datasetSize;

    @Column(name = "training_steps", updatable = false)
    private Integer trainingSteps;

    @Column(name = "trained_by", updatable = false)
    private String trainedBy;

    @Column(name = "training_run_id", updatable = false)
    private UUID trainingRunId;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "deprecated_by")
    private String deprecatedBy;

    @Column(name = "deprecated_at")
    private Instant deprecatedAt;

    protected LoraVersion() {
        // for JPA
    }

    LoraVersion(LoraAdapter adapter, int version, String contentHash, long sizeBytes, LoraStructure structure,
                TrainingProvenance provenance, String uploadedBy, Instant uploadedAt) {
        this.adapter = adapter;
        this.version = version;
        this.state = LoraState.DRAFT;
        this.contentHash = contentHash;
        this.sizeBytes = sizeBytes;
        this.rank = structure.rank();
        this.layerCount = structure.layerCount();
        this.keyFormat = structure.keyFormat();
        this.datasetSize = provenance.datasetSize().orElse(null);
        this.trainingSteps = provenance.steps().orElse(null);
        this.trainedBy = provenance.trainedBy().orElse(uploadedBy);
        this.trainingRunId = provenance.trainingRunId().orElse(null);
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    void publish(String by, Instant at) {
        this.state = LoraState.PUBLISHED;
        this.publishedBy = by;
        this.publishedAt = at;
    }

    void deprecate(String by, Instant at) {
        this.state = LoraState.DEPRECATED;
        this.deprecatedBy = by;
        this.deprecatedAt = at;
    }

    public Long id() {
        return id;
    }

    public LoraAdapter adapter() {
        return adapter;
    }

    public int version() {
        return version;
    }

    public LoraState state() {
        return state;
    }

    /** The SHA-256 of the file, which is also its key in the asset store. */
    public String contentHash() {
        return contentHash;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public int rank() {
        return rank;
    }

    public int layerCount() {
        return layerCount;
    }

    public String keyFormat() {
        return keyFormat;
    }

    public TrainingProvenance provenance() {
        return new TrainingProvenance(Optional.ofNullable(datasetSize), Optional.ofNullable(trainingSteps),
                Optional.ofNullable(trainedBy), Optional.ofNullable(trainingRunId));
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public Optional<String> publishedBy() {
        return Optional.ofNullable(publishedBy);
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public Optional<String> deprecatedBy() {
        return Optional.ofNullable(deprecatedBy);
    }

    public Optional<Instant> deprecatedAt() {
        return Optional.ofNullable(deprecatedAt);
    }
}
