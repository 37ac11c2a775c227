package com.atelier.governance.failure;

/**
 * A refusal by a governance rule, carrying a message the caller can act on; the API maps each subtype to a status.
 */
public abstract class GovernanceException extends RuntimeException {

    protected GovernanceException(String message) {
        super(message);
    }

    protected GovernanceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short, stable title for the kind of refusal ("Access denied", "Invalid input"...). */
    public abstract String title();
}
