package com.atelier.governance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * An audit event committed with the change it describes and waiting to be chained by the {@link AuditSealer}.
 * It carries everything its chained entry will hold except the chain position and the hashes.
 */
@Entity
@Table(name = "audit_intake")
class AuditIntake {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chain", nullable = false, updatable = false)
    private String chain;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(name = "summary", nullable = false, updatable = false)
    private String summary;

    @Column(name = "request_id", updatable = false)
    private String requestId;

    @Column(name = "client_ip", updatable = false)
    private String clientIp;

    protected AuditIntake() {
        // for JPA
    }

    AuditIntake(AuditEvent event, Instant occurredAt) {
        this.chain = event.chain();
        this.occurredAt = occurredAt;
        this.actor = event.actor().userId();
        this.action = event.action();
        this.subjectType = event.subjectType();
        this.subjectId = event.subjectId();
        this.summary = event.summary();
        this.requestId = event.actor().origin().requestId();
        this.clientIp = event.actor().origin().clientIp();
    }

    Long id() {
        return id;
    }

    String chain() {
        return chain;
    }

    /** The record this event becomes at the given position of its chain. */
    AuditRecord at(long sequence) {
        return new AuditRecord(chain, sequence, occurredAt, actor, action, subjectType, subjectId, summary,
                requestId, clientIp);
    }
}
