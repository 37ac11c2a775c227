package com.atelier.sdk.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the SDK signs in to Keycloak: a person through a public client, or a service account with its secret. */
public sealed interface KeycloakGrant {

    /** The realm's public client for API callers. */
    String PUBLIC_CLIENT = "atelier-api";

    /** The form fields of the first token request. */
    Map<String, String> tokenForm();

    /** The form fields that identify the client when refreshing. */
    Map<String, String> clientForm();

    /** A user's name and password through the public client {@value #PUBLIC_CLIENT} (OAuth password grant). */
    static KeycloakGrant password(String username, String password) {
        return new Password(PUBLIC_CLIENT, username, password);
    }

    /** A confidential client's service account (OAuth client-credentials grant). */
    static KeycloakGrant clientCredentials(String clientId, String clientSecret) {
        return new ClientCredentials(clientId, clientSecret);
    }

    /** The password grant. */
    record Password(String clientId, String username, String password) implements KeycloakGrant {

        @Override
        public Map<String, String> tokenForm() {
            Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password"));
            form.putAll(clientForm());
            form.put("username", username);
            form.put("password", password);
            return form;
        }

        @Override
        public Map<String, String> clientForm() {
            return Map.of("client_id", clientId);
        }

        @Override
        public String toString() {
            return "Password[clientId=" + clientId + ", username=" + username + ", password=***]";
        }
    }

    /** The client-credentials grant. */
    record ClientCredentials(String clientId, String clientSecret) implements KeycloakGrant {

        @Override
        public Map<String, String> tokenForm() {
            Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "client_credentials"));
            form.putAll(clientForm());
            return form;
        }

        @Override
        public Map<String, String> clientForm() {
            return Map.of("client_id", clientId, "client_secret", clientSecret);
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
        }
    }
}
