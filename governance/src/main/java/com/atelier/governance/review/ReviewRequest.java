package com.atelier.governance.review;

import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A designer's request that chosen reviewers look at a set of assets, with a title and an optional due date. */
@Entity
@Table(name = "review_request")
public class ReviewRequest {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Column(name = "title", nullable = false, updatable = false)
    private String title;

    @Column(name = "due_on", updatable = false)
    private LocalDate dueOn;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_request_reviewer", joinColumns = @JoinColumn(name = "review_id"))
    @Column(name = "user_id")
    private Set<String> reviewers = new TreeSet<>();

    protected ReviewRequest() {
        // for JPA
    }

    ReviewRequest(Workspace workspace, NewReviewRequest spec, String requestedBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.workspace = workspace;
        this.title = spec.title();
        this.dueOn = spec.dueOn().orElse(null);
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
        this.reviewers.addAll(spec.reviewers());
    }

    public UUID id() { return id; }
    public Workspace workspace() { return workspace; }
    public String title() { return title; }
    public Optional<LocalDate> dueOn() { return Optional.ofNullable(dueOn); }
    public String requestedBy() { return requestedBy; }
    public Instant createdAt() { return createdAt; }
    public Set<String> reviewers() { return Set.copyOf(reviewers); }
}
