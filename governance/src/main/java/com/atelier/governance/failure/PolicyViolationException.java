package com.atelier.governance.failure;

/** A brand-safety or usage policy refuses the request; the message names the rule that fired. */
public class PolicyViolationException extends GovernanceException {

    public PolicyViolationException(String message) {
        super(message);
    }

    @Override
    public String title() {
        return "Policy violation";
    }
}
