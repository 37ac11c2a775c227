package com.atelier.governance.failure;

import java.time.Duration;

/** A quota refuses the request for now; {@link #retryAfter()} says when it is worth asking again. */
public class QuotaExceededException extends GovernanceException {

    private final Duration retryAfter;

    public QuotaExceededException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String title() {
        return "Quota exceeded";
    }
}
