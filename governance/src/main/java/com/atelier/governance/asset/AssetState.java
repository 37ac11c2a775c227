package com.atelier.governance.asset;

/**
 * An asset's place in its lifecycle: {@code GENERATED → IN_REVIEW → (CHANGES_REQUESTED → IN_REVIEW)* → APPROVED |
 * REJECTED}, then {@code APPROVED → ARCHIVED}. A BLOCKED asset failed a safety check and never enters review.
 */
public enum AssetState {
    GENERATED, BLOCKED, IN_REVIEW, CHANGES_REQUESTED, APPROVED, REJECTED, ARCHIVED;

    /** Whether a designer may put the asset in front of reviewers now. */
    public boolean canBeSubmitted() {
        return this == GENERATED || this == CHANGES_REQUESTED;
    }

    /** Only approved assets leave the portal: full-resolution download, export, publication. */
    public boolean isReleasable() {
        return this == APPROVED;
    }

    /** Approved and archived assets are frozen: nothing but reviewers' tags changes them. */
    public boolean isLocked() {
        return this == APPROVED || this == ARCHIVED;
    }
}
