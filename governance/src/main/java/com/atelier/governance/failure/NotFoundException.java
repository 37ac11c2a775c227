package com.atelier.governance.failure;

/** The named object does not exist, or the caller may not know that it does. */
public class NotFoundException extends GovernanceException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Not found";
    }
}
