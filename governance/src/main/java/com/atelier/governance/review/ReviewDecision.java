package com.atelier.governance.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One reviewer's verdict on one asset in one review round, with the comment that explains it. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "asset_id", nullable = false, updatable = false)
    private UUID assetId;

    @Column(name = "review_id", nullable = false, updatable = false)
    private UUID reviewId;

    @Column(name = "round", nullable = false, updatable = false)
    private int round;

    @Column(name = "reviewer", nullable = false, updatable = false)
    private String reviewer;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict", nullable = false, updatable = false)
    private Verdict verdict;

    @Column(name = "comment", nullable = false, updatable = false)
    private String comment;

    @Column(name = "decided_at", nullable = false, updatable = false)
    private Instant decidedAt;

    protected ReviewDecision() {
        // for JPA
    }

    ReviewDecision(UUID assetId, UUID reviewId, int round, String reviewer, Verdict verdict, String comment,
                   Instant decidedAt) {
        this.assetId = assetId;
        this.reviewId = reviewId;
        this.round = round;
        this.reviewer = reviewer;
        this.verdict = verdict;
        this.comment = comment;
        this.decidedAt = decidedAt;
    }

    public UUID assetId() { return assetId; }
    public UUID reviewId() { return reviewId; }
    public int round() { return round; }
    public String reviewer() { return reviewer; }
    public Verdict verdict() { return verdict; }
    public String comment() { return comment; }
    public Instant decidedAt() { return decidedAt; }
}
