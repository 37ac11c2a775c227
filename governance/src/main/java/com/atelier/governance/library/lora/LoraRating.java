package com.atelier.governance.library.lora;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A member's stars for an adapter, optionally for the model they judged it on; one per member, updatable. */
@Entity
@Table(name = "lora_rating")
@IdClass(LoraRating.Key.class)
public class LoraRating {

    /** The rating's identity: adapter and member. */
    public static class Key implements Serializable {
        private Long adapterId;
        private String userId;

        public Key() {
            // for JPA
        }

        public Key(Long adapterId, String userId) {
            this.adapterId = adapterId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(adapterId, k.adapterId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(adapterId, userId);
        }
    }

    @Id
    @Column(name = "adapter_id", nullable = false, updatable = false)
    private Long adapterId;

    @Id
    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @Column(name = "stars", nullable = false)
    private int stars;

    @Column(name = "model")
    private String model;

    @Column(name = "rated_at", nullable = false)
    private Instant ratedAt;

    protected LoraRating() {
        // for JPA
    }

    LoraRating(Long adapterId, String userId) {
        this.adapterId = adapterId;
        this.userId = userId;
    }

    void rate(int stars, String model, Instant at) {
        this.stars = stars;
        this.model = model;
        this.ratedAt = at;
    }

    public String userId() {
        return userId;
    }

    public int stars() {
        return stars;
    }

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    public Instant ratedAt() {
        return ratedAt;
    }
}
