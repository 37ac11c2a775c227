package com.atelier.sdk.asset;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One generated image. {@code state} stays a string because the review workflow adds states (IN_REVIEW,
 * APPROVED...) that an older SDK must still be able to show. {@code content} is the absolute URL of the PNG.
 */
public record Asset(String id, String job, String model, String modelVersion, int position, long seed, String state,
                    String blockedReason, int width, int height, String mediaType, String sha256, String requester,
                    Instant createdAt, Set<String> tags, URI content) {

    public static final String BLOCKED = "BLOCKED";

    public Asset {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    /** Blocked by the image safety check; the reason says which category fired. */
    public boolean blocked() {
        return BLOCKED.equals(state);
    }

    public Optional<String> blockedBecause() {
        return Optional.ofNullable(blockedReason);
    }
}
