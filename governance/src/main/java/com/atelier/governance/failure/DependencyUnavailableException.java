package com.atelier.governance.failure;

/** A service the portal needs (database, broker, sign-in, inference) cannot be reached right now; retrying later may work. */
public class DependencyUnavailableException extends GovernanceException {

    private final String dependency;

    public DependencyUnavailableException(String dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }

    @Override
    public String title() {
        return "Service unavailable";
    }
}
