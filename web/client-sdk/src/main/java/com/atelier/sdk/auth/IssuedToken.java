package com.atelier.sdk.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A token Keycloak issued and the moments to stop using it. Renewal is planned a little before expiry (30 s, or
 * half the lifetime of a short-lived token) so that a token never expires between being read and being checked.
 */
record IssuedToken(String accessToken, Instant renewAt, String refreshToken, Instant refreshUntil) {

    private static final Duration EARLY = Duration.ofSeconds(30);

    static IssuedToken of(String accessToken, long expiresInSeconds, String refreshToken,
                          long refreshExpiresInSeconds, Instant now) {
        Instant refreshUntil = refreshToken == null ? now
                // Keycloak reports 0 for refresh tokens that do not expire (offline sessions)
                : refreshExpiresInSeconds <= 0 ? Instant.MAX : now.plus(early(refreshExpiresInSeconds));
        return new IssuedToken(accessToken, now.plus(early(expiresInSeconds)), refreshToken, refreshUntil);
    }

    boolean usableAt(Instant now) {
        return now.isBefore(renewAt);
    }

    boolean refreshableAt(Instant now) {
        return refreshToken != null && now.isBefore(refreshUntil);
    }

    private static Duration early(long lifetimeSeconds) {
        Duration lifetime = Duration.ofSeconds(lifetimeSeconds);
        Duration margin = lifetime.dividedBy(2).compareTo(EARLY) < 0 ? lifetime.dividedBy(2) : EARLY;
        return lifetime.minus(margin);
    }
}
