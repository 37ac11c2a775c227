package com.atelier.governance.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One append-only line of the audit trail. Entries form a hash chain per workspace (or the platform chain):
 * each holds the SHA-256 of the previous entry of its chain, so an edited or deleted row breaks the chain.
 * No setter exists and every column is non-updatable; the database refuses UPDATE and DELETE too.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "chain", nullable = false, updatable = false)
    private String chain;

    @Column(name = "sequence", nullable = false, updatable = false)
    private long sequence;

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

    @Column(name = "previous_hash", nullable = false, updatable = false)
    private String previousHash;

    @Column(name = "entry_hash", nullable = false, updatable = false)
    private String entryHash;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(AuditRecord record, String previousHash, String entryHash) {
        this.chain = record.chain();
        this.sequence = record.sequence();
        this.occurredAt = record.occurredAt();
        this.actor = record.actor();
        this.action = record.action();
        this.subjectType = record.subjectType();
        this.subjectId = record.subjectId();
        this.summary = record.summary();
        this.requestId = record.requestId();
        this.clientIp = record.clientIp();
        this.previousHash = previousHash;
        this.entryHash = entryHash;
    }

    /** The hashed content of this entry, as a value. */
    public AuditRecord record() {
        return new AuditRecord(chain, sequence, occurredAt, actor, action, subjectType, subjectId, summary,
                requestId, clientIp);
    }

    public Long id() {
        return id;
    }

    public String chain() {
        return chain;
    }

    public long sequence() {
        return sequence;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String summary() {
        return summary;
    }

    public String previousHash() {
        return previousHash;
    }

    public String entryHash() {
        return entryHash;
    }
}
