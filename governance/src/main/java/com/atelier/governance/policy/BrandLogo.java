package com.atelier.governance.policy;

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
import java.util.Optional;

/** A logo of a workspace's brand kit: its name and where its file lives in the asset store. */
@Entity
@Table(name = "brand_logo")
public class BrandLogo {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "name", nullable = false, updatable = false)
    private String name;

    @Column(name = "sha256", nullable = false, updatable = false)
    private String sha256;

    @Column(name = "media_type", nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "width", nullable = false, updatable = false)
    private int width;

    @Column(name = "height", nullable = false, updatable = false)
    private int height;

    @Column(name = "added_by", nullable = false, updatable = false)
    private String addedBy;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    protected BrandLogo() {
        // for JPA
    }

    BrandLogo(Workspace workspace, String name, String sha256, String mediaType, int width, int height,
              String addedBy, Instant addedAt) {
        this.workspace = workspace;
        this.name = name;
        this.sha256 = sha256;
        this.mediaType = mediaType;
        this.width = width;
        this.height = height;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    void remove(Instant at) {
        this.removedAt = at;
    }

    public Long id() { return id; }
    Long workspaceId() { return workspace.id(); }
    public String name() { return name; }
    public String sha256() { return sha256; }
    public String mediaType() { return mediaType; }
    public int width() { return width; }
    public int height() { return height; }
    public String addedBy() { return addedBy; }
    public Instant addedAt() { return addedAt; }
    public Optional<Instant> removedAt() { return Optional.ofNullable(removedAt); }
}
