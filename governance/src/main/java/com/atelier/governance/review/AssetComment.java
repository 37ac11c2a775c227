package com.atelier.governance.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A member's remark on an asset, optionally about one region of the image, possibly mentioning members. */
@Entity
@Table(name = "asset_comment")
public class AssetComment {

    @Id
    private UUID id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    private UUID assetId;

    @Column(name = "author", nullable = false, updatable = false)
    private String author;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "region_x", updatable = false)
    private Float regionX;

    @Column(name = "region_y", updatable = false)
    private Float regionY;

    @Column(name = "region_w", updatable = false)
    private Float regionWidth;

    @Column(name = "region_h", updatable = false)
    private Float regionHeight;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "asset_comment_mention", joinColumns = @JoinColumn(name = "comment_id"))
    @Column(name = "user_id")
    private Set<String> mentions = new TreeSet<>();

    protected AssetComment() {
        // for JPA
    }

    AssetComment(UUID assetId, String author, String body, Optional<Region> region, Set<String> mentions,
                 Instant createdAt) {
        this.id = UUID.randomUUID();
        this.assetId = assetId;
        this.author = author;
        this.body = body;
        region.ifPresent(r -> {
            this.regionX = r.x();
            this.regionY = r.y();
            this.regionWidth = r.width();
            this.regionHeight = r.height();
        });
        this.mentions.addAll(mentions);
        this.createdAt = createdAt;
    }

    public UUID id() { return id; }
    public UUID assetId() { return assetId; }
    public String author() { return author; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
    public Set<String> mentions() { return Set.copyOf(mentions); }

    public Optional<Region> region() {
        return regionX == null ? Optional.empty() : Optional.of(new Region(regionX, regionY, regionWidth, regionHeight));
    }
}
