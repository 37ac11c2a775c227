package com.atelier.governance.workspace;

import com.atelier.governance.webhook.Webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A brand team's shared space: its members, libraries, policies and assets all hang off it. */
@Entity
@Table(name = "workspace")
public class Workspace {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", nullable = false, unique = true, updatable = false)
    private String slug;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "daily_image_quota")
    private Integer dailyImageQuota;

    @Column(name = "jobs_in_flight_per_user")
    private Integer jobsInFlightPerUser;

    @Column(name = "required_approvals", nullable = false)
    private int requiredApprovals = 1;

    @Column(name = "self_approval_allowed", nullable = false)
    private boolean selfApprovalAllowed;

    @Column(name = "webhook_url")
    private String webhookUrl;

    @Column(name = "webhook_secret")
    private String webhookSecret;

    protected Workspace() {
        // for JPA
    }

    Workspace(NewWorkspace spec, Instant createdAt, String createdBy) {
        this.slug = spec.slug();
        this.name = spec.name();
        this.description = spec.description();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.dailyImageQuota = spec.dailyImageQuota();
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** The workspace's own limit of images per day; empty means the portal default. */
    public Optional<Integer> dailyImageQuota() {
        return Optional.ofNullable(dailyImageQuota);
    }

    /** The workspace's own limit of jobs one person may have in flight; empty means the portal default. */
    public Optional<Integer> jobsInFlightPerUser() {
        return Optional.ofNullable(jobsInFlightPerUser);
    }

    public WorkspaceQuota quota() {
        return new WorkspaceQuota(dailyImageQuota, jobsInFlightPerUser);
    }

    public ReviewSettings reviewSettings() {
        return new ReviewSettings(requiredApprovals, selfApprovalAllowed);
    }

    void changeQuota(WorkspaceQuota quota) {
        this.dailyImageQuota = quota.dailyImageQuota();
        this.jobsInFlightPerUser = quota.jobsInFlightPerUser();
    }

    void changeReviewSettings(ReviewSettings settings) {
        this.requiredApprovals = settings.requiredApprovals();
        this.selfApprovalAllowed = settings.selfApprovalAllowed();
    }

    /** The webhook jobs of this workspace report to when the request names none. */
    public Optional<Webhook> webhook() {
        return webhookUrl == null ? Optional.empty() : Optional.of(Webhook.of(webhookUrl, webhookSecret));
    }

    void changeWebhook(Optional<Webhook> webhook) {
        this.webhookUrl = webhook.map(w -> w.url().toString()).orElse(null);
        this.webhookSecret = webhook.map(Webhook::secret).orElse(null);
    }
}
