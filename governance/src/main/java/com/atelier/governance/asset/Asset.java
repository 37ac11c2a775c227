package com.atelier.governance.asset;

import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One generated image and everything needed to reproduce and govern it: which job, model and version, LoRAs,
 * seed, parameters, prompt, who asked, and the hash of its bytes in the asset store.
 */
@Entity
@Table(name = "asset")
public class Asset {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(name = "position", nullable = false, updatable = false)
    private int position;

    @Column(name = "model", nullable = false, updatable = false)
    private String model;

    @Column(name = "model_version", nullable = false, updatable = false)
    private String modelVersion;

    @Column(name = "loras", nullable = false, updatable = false)
    private String loras;

    @Column(name = "seed", nullable = false, updatable = false)
    private long seed;

    @Column(name = "parameters", nullable = false, updatable = false)
    private String parameters;

    @Column(name = "prompt", nullable = false, updatable = false)
    private String prompt;

    @Column(name = "requester", nullable = false, updatable = false)
    private String requester;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private AssetState state;

    @Column(name = "blocked_reason")
    private String blockedReason;

    @Column(name = "review_round", nullable = false)
    private int reviewRound;

    @Column(name = "review_id")
    private UUID reviewId;

    @Column(name = "derived_from", updatable = false)
    private UUID derivedFrom;

    @Column(name = "operation", updatable = false)
    private String operation;

    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "width", nullable = false, updatable = false)
    private int width;

    @Column(name = "height", nullable = false, updatable = false)
    private int height;

    @Column(name = "gpu_millis", nullable = false, updatable = false)
    private long gpuMillis;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_tag", joinColumns = @JoinColumn(name = "asset_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    protected Asset() {
        // for JPA
    }

    /** The provenance of a new asset: the job it came from and how it was rendered. */
    public record Origin(SourceJob job, String prompt, String model, String modelVersion, int position, long seed,
                         String loras, String parameters, Instant createdAt) {
    }

    /** The stored image: where its bytes are and what it is. */
    public record Content(String contentHash, String mediaType, int width, int height, long gpuMillis) {
    }

    public Asset(Origin origin, Content content, Optional<String> blockedReason) {
        this.id = UUID.randomUUID();
        this.jobId = origin.job().id();
        this.workspace = origin.job().workspace();
        this.position = origin.position();
        this.model = origin.model();
        this.modelVersion = origin.modelVersion();
        this.loras = origin.loras();
        this.seed = origin.seed();
        this.parameters = origin.parameters();
        this.prompt = origin.prompt();
        this.requester = origin.job().requester();
        this.createdAt = origin.createdAt();
        this.contentHash = content.contentHash();
        this.mediaType = content.mediaType();
        this.width = content.width();
        this.height = content.height();
        this.gpuMillis = content.gpuMillis();
        this.state = blockedReason.isPresent() ? AssetState.BLOCKED : AssetState.GENERATED;
        this.blockedReason = blockedReason.orElse(null);
    }

    /**
     * A new asset made from an approved one by an image operation (upscale, colour preset): same origin, new bytes,
     * and it starts its own review.
     */
    static Asset derivedFrom(Asset parent, String operation, Content content, Instant createdAt) {
        Asset derived = new Asset();
        derived.id = UUID.randomUUID();
        derived.jobId = parent.jobId;
        derived.workspace = parent.workspace;
        derived.position = parent.position;
        derived.model = parent.model;
        derived.modelVersion = parent.modelVersion;
        derived.loras = parent.loras;
        derived.seed = parent.seed;
        derived.parameters = parent.parameters;
        derived.prompt = parent.prompt;
        derived.requester = parent.requester;
        derived.createdAt = createdAt;
        derived.contentHash = content.contentHash();
        derived.mediaType = content.mediaType();
        derived.width = content.width();
        derived.height = content.height();
        derived.gpuMillis = content.gpuMillis();
        derived.state = AssetState.GENERATED;
        derived.derivedFrom = parent.id;
        derived.operation = operation;
        return derived;
    }

    void tag(String tag) {
        tags.add(tag);
    }

    /**
     * Puts the asset in front of the reviewers of a review request and opens a new round, in which earlier
     * approvals no longer count. The caller has checked {@link AssetState#canBeSubmitted()}.
     */
    public void enterReview(UUID review) {
        if (!state.canBeSubmitted()) {
            throw new IllegalStateException("asset " + id + " is " + state);
        }
        this.state = AssetState.IN_REVIEW;
        this.reviewId = review;
        this.reviewRound++;
    }

    /** Moves the asset to the state a review decision or an archiving leads to. */
    public void moveTo(AssetState next) {
        this.state = next;
    }

    public int reviewRound() { return reviewRound; }
    public Optional<UUID> reviewId() { return Optional.ofNullable(reviewId); }
    public Optional<UUID> derivedFrom() { return Optional.ofNullable(derivedFrom); }
    public Optional<String> operation() { return Optional.ofNullable(operation); }

    public UUID id() { return id; }
    public UUID jobId() { return jobId; }
    public int position() { return position; }
    public String model() { return model; }
    public String modelVersion() { return modelVersion; }
    public String loras() { return loras; }
    public long seed() { return seed; }
    public String parameters() { return parameters; }
    public String prompt() { return prompt; }
    public String requester() { return requester; }
    public Instant createdAt() { return createdAt; }
    public AssetState state() { return state; }
    public Optional<String> blockedReason() { return Optional.ofNullable(blockedReason); }
    public String contentHash() { return contentHash; }
    public String mediaType() { return mediaType; }
    public int width() { return width; }
    public int height() { return height; }
    public Set<String> tags() { return Set.copyOf(tags); }
    public long gpuMillis() { return gpuMillis; }
    public Workspace workspace() { return workspace; }
}
