package com.atelier.governance.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver a job's webhook: when, where, and what the receiver answered or why it failed. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "job_id", nullable = false, updatable = false)
    private UUID jobId;

    @Column(name = "attempt", nullable = false, updatable = false)
    private int attempt;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private Instant attemptedAt;

    @Column(name = "url", nullable = false, updatable = false)
    private String url;

    @Column(name = "status_code", updatable = false)
    private Integer statusCode;

    @Column(name = "error", updatable = false)
    private String error;

    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMillis;

    protected WebhookDelivery() {
        // for JPA
    }

    WebhookDelivery(UUID jobId, int attempt, Instant attemptedAt, String url, Integer statusCode, String error,
                    long durationMillis) {
        this.jobId = jobId;
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.url = url;
        this.statusCode = statusCode;
        this.error = error;
        this.durationMillis = durationMillis;
    }

    public int attempt() {
        return attempt;
    }

    public Instant attemptedAt() {
        return attemptedAt;
    }

    public Integer statusCode() {
        return statusCode;
    }

    public String error() {
        return error;
    }
}
