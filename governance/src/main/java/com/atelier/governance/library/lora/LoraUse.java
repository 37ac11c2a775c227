package com.atelier.governance.library.lora;

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
import java.util.UUID;

/** A generation that used a LoRA version on a model; the source of usage counts and the preview gallery. */
@Entity
@Table(name = "lora_use")
public class LoraUse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false, updatable = false)
    private LoraVersion version;

    @Column(name = "model", nullable = false, updatable = false)
    private String model;

    @Column(name = "job_id", updatable = false)
    private UUID jobId;

    @Column(name = "asset_id", updatable = false)
    private UUID assetId;

    @Column(name = "used_at", nullable = false, updatable = false)
    private Instant usedAt;

    protected LoraUse() {
        // for JPA
    }

    LoraUse(LoraVersion version, String model, UUID jobId, UUID assetId, Instant usedAt) {
        this.version = version;
        this.model = model;
        this.jobId = jobId;
        this.assetId = assetId;
        this.usedAt = usedAt;
    }
}
