package com.atelier.governance.failure;

/**
 * An edit was based on a version that is no longer the latest (an {@code If-Match} that no longer matches): the
 * caller should reload and apply the change again. A conflict, which the API reports as 412 Precondition Failed.
 */
public class StaleVersionException extends ConflictException {

    public StaleVersionException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Precondition failed";
    }
}
