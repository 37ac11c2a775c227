package com.atelier.sdk;

import java.util.Arrays;

/** The kinds of refusal the API documents, by HTTP status, so callers can switch on them. */
public enum ProblemKind {
    /** Malformed JSON, an unknown field or an invalid value; {@link AtelierApiException#field()} names it. */
    BAD_REQUEST(400),
    /** No token, or one Keycloak or the portal did not accept. */
    UNAUTHORIZED(401),
    /** Signed in, but the role or workspace membership does not allow it. */
    FORBIDDEN(403),
    NOT_FOUND(404),
    /** The resource's state forbids it, e.g. cancelling a job that already runs, or a taken slug. */
    CONFLICT(409),
    /** Well-formed, but a workspace policy refuses the content (banned term, competitor mark...). */
    POLICY_REFUSED(422),
    /** A quota is used up; {@link AtelierApiException#retryAfter()} says when to come back. */
    TOO_MANY_REQUESTS(429),
    /** A dependency of the portal (database, broker, Keycloak, inference) is down. */
    UNAVAILABLE(503),
    /** Any other status. */
    OTHER(0);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public static ProblemKind of(int status) {
        return Arrays.stream(values()).filter(k -> k.status == status).findFirst().orElse(OTHER);
    }
}
