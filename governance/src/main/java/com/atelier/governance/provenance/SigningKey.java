package com.atelier.governance.provenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signing key an admin rotated to: the PKCS#12 itself, and what identifies its certificate. */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "pkcs12", nullable = false, updatable = false)
    private byte[] pkcs12;

    @Column(name = "alias", nullable = false, updatable = false)
    private String alias;

    @Column(name = "subject", nullable = false, updatable = false)
    private String subject;

    @Column(name = "fingerprint", nullable = false, updatable = false)
    private String fingerprint;

    @Column(name = "not_after", nullable = false, updatable = false)
    private Instant notAfter;

    @Column(name = "activated_at", nullable = false, updatable = false)
    private Instant activatedAt;

    @Column(name = "activated_by", nullable = false, updatable = false)
    private String activatedBy;

    protected SigningKey() {
        // for JPA
    }

    SigningKey(byte[] pkcs12, String alias, String subject, String fingerprint, Instant notAfter, Instant activatedAt,
               String activatedBy) {
        this.pkcs12 = pkcs12.clone();
        this.alias = alias;
        this.subject = subject;
        this.fingerprint = fingerprint;
        this.notAfter = notAfter;
        this.activatedAt = activatedAt;
        this.activatedBy = activatedBy;
    }

    public Long id() { return id; }
    public byte[] pkcs12() { return pkcs12.clone(); }
    public String alias() { return alias; }
    public String subject() { return subject; }
    public String fingerprint() { return fingerprint; }
    public Instant notAfter() { return notAfter; }
    public Instant activatedAt() { return activatedAt; }
    public String activatedBy() { return activatedBy; }
}
