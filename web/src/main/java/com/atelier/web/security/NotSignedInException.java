package com.atelier.web.security;

/** The request carries no valid token, so nothing can be done on anyone's behalf. */
public class NotSignedInException extends RuntimeException {

    public NotSignedInException() {
        super("Sign in first: send 'Authorization: Bearer <access token>' from Keycloak realm 'atelier'.");
    }
}
