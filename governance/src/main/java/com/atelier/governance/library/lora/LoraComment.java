package com.atelier.governance.library.lora;

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

/** A member's remark on an adapter ("great for packshots, too strong above 0.8"). */
@Entity
@Table(name = "lora_comment")
public class LoraComment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "adapter_id", nullable = false, updatable = false)
    private LoraAdapter adapter;

    @Column(name = "author", nullable = false, updatable = false)
    private String author;

    @Column(name = "body", nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected LoraComment() {
        // for JPA
    }

    LoraComment(LoraAdapter adapter, String author, String body, Instant createdAt) {
        this.adapter = adapter;
        this.author = author;
        this.body = body;
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public String author() {
        return author;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
