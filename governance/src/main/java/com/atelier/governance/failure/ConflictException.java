package com.atelier.governance.failure;

/** The request collides with existing state (a slug already taken, a member already added). */
public class ConflictException extends GovernanceException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
