package com.atelier.sdk.auth;

/** Supplies the bearer token for each API call. */
public interface TokenSource {

    /** A token that is valid now; may block to obtain or refresh one. */
    String token();

    /**
     * Forgets the current token after the portal rejected it (revoked, or the clocks disagree).
     *
     * @return whether the next {@link #token()} will be a different one, i.e. whether a retry can help
     */
    default boolean invalidate() {
        return false;
    }

    /** A token obtained elsewhere (e.g. by a pipeline's own OIDC step); it is never renewed. */
    static TokenSource fixed(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The token must not be empty.");
        }
        return () -> token;
    }
}
