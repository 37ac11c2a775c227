package com.atelier.governance.failure;

/** The caller is signed in but lacks the role or membership the action needs. */
public class AccessDeniedException extends GovernanceException {

    public AccessDeniedException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Access denied";
    }
}
