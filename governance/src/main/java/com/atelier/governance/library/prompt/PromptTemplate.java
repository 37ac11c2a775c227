package com.atelier.governance.library.prompt;

import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named prompt template of a workspace. Its content lives in immutable {@link PromptTemplateVersion}s; this row
 * only points at the latest one and carries what search and sorting need (name, current tags, use count).
 */
@Entity
@Table(name = "prompt_template")
public class PromptTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Changed only by a single UPDATE statement in {@link PromptTemplates#recordUse}, never through this field. */
    @Column(name = "use_count", nullable = false, insertable = false, updatable = false)
    private long useCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "prompt_template_tag", joinColumns = @JoinColumn(name = "template_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    protected PromptTemplate() {
        // for JPA
    }

    PromptTemplate(Workspace workspace, String name, Instant createdAt, String createdBy) {
        this.workspace = workspace;
        this.name = name;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = createdAt;
        this.latestVersion = 0;
    }

    /** Makes a new version the current one. */
    void advanceTo(int version, TemplateContent content, Instant at) {
        this.latestVersion = version;
        this.name = content.name();
        this.updatedAt = at;
        this.tags.clear();
        this.tags.addAll(content.tags());
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

    public int latestVersion() {
        return latestVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long useCount() {
        return useCount;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }
}
