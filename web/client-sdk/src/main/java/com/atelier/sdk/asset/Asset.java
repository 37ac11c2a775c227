package com.atelier.sdk.asset;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One generated image. {@code state} stays a string because the review workflow adds states (IN_REVIEW,
 * APPROVED...) that an older SDK must still be able to show. {@code content} is the absolute URL of the
 * full-resolution PNG (served once the asset is APPROVED), {@code preview} that of the working copy (at most 512
 * pixels, served in every state).
 */
public record Asset(String id, String job, String model, String modelVersion, int position, long seed, String state,
                    String blockedReason, int width, int height, String mediaType, String sha256, String requester,
                    Instant createdAt, Set<String> tags, URI content, URI preview) {

    public static final String BLOCKED = "BLOCKED";
    public static final String APPROVED = "APPROVED";

    public Asset {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** Blocked by the image safety check; the reason says which category fired. */
    public boolean blocked() {
        return BLOCKED.equals(state);
    }

    /** Approved by the workspace's reviewers: only then is the full-resolution file handed out. */
    public boolean approved() {
        return APPROVED.equals(state);
    }

    public Optional<String> blockedBecause() {
        return Optional.ofNullable(blockedReason);
    }
}
