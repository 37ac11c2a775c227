package com.atelier.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * The portal (or Keycloak) refused a call. Carries the problem+json report: quote {@link #requestId()} to support,
 * fix {@link #field()} when it is set.
 */
public class AtelierApiException extends AtelierException {

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final String field;
    private final String requestId;
    private final Duration retryAfter;

    public AtelierApiException(int status, String type, String title, String detail, String field, String requestId,
                               Duration retryAfter) {
        super(message(status, title, detail, field, requestId));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.field = field;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public ProblemKind kind() {
        return ProblemKind.of(status);
    }

    /** The problem type URI, e.g. {@code urn:atelier:problem:forbidden}; absent when the body was not problem+json. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    public String title() {
        return title;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String message(int status, String title, String detail, String field, String requestId) {
        StringBuilder message = new StringBuilder().append(status).append(' ').append(title);
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        if (field != null) {
            message.append(" [field ").append(field).append(']');
        }
        if (requestId != null) {
            message.append(" (request id ").append(requestId).append(')');
        }
        return message.toString();
    }
}
