package com.atelier.sdk.workspace;

import java.time.Instant;
import java.util.Optional;

/** A workspace the caller can see; {@code role} is the caller's role in it, null when not a member. */
public record Workspace(String slug, String name, String description, Instant createdAt, String role) {

    public Optional<String> roleOfCaller() {
        return Optional.ofNullable(role);
    }
}
