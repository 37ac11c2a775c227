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
import java.util.Optional;

/** One immutable state of a prompt template: every edit and every rollback adds one, none is ever changed. */
@Entity
@Table(name = "prompt_template_version")
public class PromptTemplateVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "template_id", nullable = false, updatable = false)
    private PromptTemplate template;

    @Column(name = "version", nullable = false, updatable = false)
    private int version;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "text", nullable = false, updatable = false)
    private String text;

    @Column(name = "negative_prompt", nullable = false, updatable = false)
    private String negativePrompt;

    @Column(name = "default_model", updatable = false)
    private String defaultModel;

    @Column(name = "steps", updatable = false)
    private Integer steps;

    @Column(name = "guidance", updatable = false)
    private Float guidance;

    @Column(name = "width", updatable = false)
    private Integer width;

    @Column(name = "height", updatable = false)
    private Integer height;

    @Column(name = "tags", nullable = false, updatable = false)
    private String tags;

    @Column(name = "author", nullable = false, updatable = false)
    private String author;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "rolled_back_from", updatable = false)
    private Integer rolledBackFrom;

    protected PromptTemplateVersion() {
        // for JPA
    }

    PromptTemplateVersion(PromptTemplate template, int version, TemplateContent content, String author,
                          Instant createdAt, Optional<Integer> rolledBackFrom) {
        this.template = template;
        this.version = version;
        this.name = content.name();
        this.text = content.text();
        this.negativePrompt = content.negativePrompt();
        this.defaultModel = content.defaultModel();
        this.steps = content.steps();
        this.guidance = content.guidance();
        this.width = content.width();
        this.height = content.height();
        this.tags = content.tagsText();
        this.author = author;
        this.createdAt = createdAt;
        this.rolledBackFrom = rolledBackFrom.orElse(null);
    }

    public Long id() {
        return id;
    }

    public PromptTemplate template() {
        return template;
    }

    public int version() {
        return version;
    }

    public TemplateContent content() {
        return new TemplateContent(name, text, negativePrompt, defaultModel, steps, guidance, width, height,
                TemplateContent.tagsOf(tags));
    }

    public String author() {
        return author;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The version this one restored, when it was made by a rollback. */
    public Optional<Integer> rolledBackFrom() {
        return Optional.ofNullable(rolledBackFrom);
    }
}
