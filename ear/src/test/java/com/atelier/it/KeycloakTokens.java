package com.atelier.it;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Real access tokens from the test Keycloak for the demo users of the imported realm. */
final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakTokens() {
    }

    static String forUser(String username) {
        return token("grant_type=password&client_id=atelier-api&username=" + URLEncoder.encode(username,
                StandardCharsets.UTF_8) + "&password=demo", username);
    }

    /** A service account's token (client-credentials grant), as a CI pipeline gets it. */
    static String forClient(String clientId, String secret) {
        return token("grant_type=client_credentials&client_id=" + clientId + "&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8), clientId);
    }

    private static String token(String form, String username) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create(Portal.KEYCLOAK + "/realms/atelier/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).get("access_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + Portal.KEYCLOAK, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
