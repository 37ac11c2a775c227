package com.atelier.governance.library.lora;

import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A LoRA adapter of a workspace: the name generations ask for, its trigger word and base-model family. Its files
 * are {@link LoraVersion}s. An admin may share it, which makes it resolvable from every workspace.
 */
@Entity
@Table(name = "lora_adapter")
public class LoraAdapter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "trigger_word", nullable = false)
    private String triggerWord;

    @Column(name = "family", nullable = false, updatable = false)
    private String family;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "shared", nullable = false)
    private boolean shared;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "rating_count", nullable = false)
    private int ratingCount;

    @Column(name = "rating_average", nullable = false)
    private float ratingAverage;

    /** Changed only by a single UPDATE statement in {@link LoraUsage#recordUse}. */
    @Column(name = "use_count", nullable = false, insertable = false, updatable = false)
    private long useCount;

    protected LoraAdapter() {
        // for JPA
    }

    LoraAdapter(Workspace workspace, NewLoraAdapter spec, Instant createdAt, String createdBy) {
        this.workspace = workspace;
        this.name = spec.name();
        this.triggerWord = spec.triggerWord();
        this.family = spec.family().code();
        this.description = spec.description();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void share(boolean shared) {
        this.shared = shared;
    }

    void ratings(int count, float average) {
        this.ratingCount = count;
        this.ratingAverage = average;
    }

    public Long id() {
        return id;
    }

    public Workspace workspace() {
        return workspace;
    }

    public String name() {
        return name;
    }

    public String triggerWord() {
        return triggerWord;
    }

    public BaseFamily family() {
        return BaseFamily.of(family).orElseThrow();
    }

    public String description() {
        return description;
    }

    public boolean shared() {
        return shared;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public int ratingCount() {
        return ratingCount;
    }

    /** The mean of its ratings; 0 while it has none. */
    public float ratingAverage() {
        return ratingAverage;
    }

    public long useCount() {
        return useCount;
    }
}
