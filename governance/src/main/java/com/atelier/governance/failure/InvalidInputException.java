package com.atelier.governance.failure;

/** A field of a request breaks a rule; names the field so a form or client can point at it. */
public class InvalidInputException extends GovernanceException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
