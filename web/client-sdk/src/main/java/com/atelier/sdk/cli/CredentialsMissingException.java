package com.atelier.sdk.cli;

/** The command line and environment name no way to sign in; a usage error (exit 2). */
final class CredentialsMissingException extends RuntimeException {

    CredentialsMissingException(String message) {
        super(message);
    }
}
