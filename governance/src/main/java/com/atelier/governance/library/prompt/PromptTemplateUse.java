package com.atelier.governance.library.prompt;

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

/** A generation that rendered its prompt from a template version. */
@Entity
@Table(name = "prompt_template_use")
public class PromptTemplateUse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false, updatable = false)
    private PromptTemplateVersion version;

    @Column(name = "job_id", updatable = false)
    private UUID jobId;

    @Column(name = "used_at", nullable = false, updatable = false)
    private Instant usedAt;

    protected PromptTemplateUse() {
        // for JPA
    }

    PromptTemplateUse(PromptTemplateVersion version, UUID jobId, Instant usedAt) {
        this.version = version;
        this.jobId = jobId;
        this.usedAt = usedAt;
    }
}
