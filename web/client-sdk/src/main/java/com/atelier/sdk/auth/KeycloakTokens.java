package com.atelier.sdk.auth;

import com.atelier.sdk.AtelierApiException;
import com.atelier.sdk.AtelierException;
import com.atelier.sdk.AtelierUnreachableException;
import com.atelier.sdk.http.RetryingSender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Bearer tokens from a Keycloak realm's token endpoint. A token is reused until shortly before it expires, then
 * refreshed with its refresh token, or obtained again with the original grant when there is none (client
 * credentials) or it has expired too. Thread-safe: concurrent callers share one token.
 */
public final class KeycloakTokens implements TokenSource {

    public static final String DEFAULT_REALM = "atelier";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI tokenEndpoint;
    private final KeycloakGrant grant;
    private final RetryingSender sender;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private IssuedToken current;

    /**
     * @param keycloak the server's base URL, e.g. {@code http://localhost:8180}
     * @param realm    the realm, normally {@value #DEFAULT_REALM}
     */
    public KeycloakTokens(URI keycloak, String realm, KeycloakGrant grant, RetryingSender sender, Clock clock) {
        String base = keycloak.toString().endsWith("/") ? keycloak.toString() : keycloak + "/";
        this.tokenEndpoint = URI.create(base).resolve("realms/" + realm + "/protocol/openid-connect/token");
        this.grant = grant;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public synchronized String token() {
        if (current != null && current.usableAt(clock.instant())) {
            return current.accessToken();
        }
        current = current != null && current.refreshableAt(clock.instant()) ? refreshOrSignInAgain() : request(grant.tokenForm());
        return current.accessToken();
    }

    @Override
    public synchronized boolean invalidate() {
        current = null;
        return true;
    }

    private IssuedToken refreshOrSignInAgain() {
        Map<String, String> form = new HashMap<>(grant.clientForm());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", current.refreshToken());
        try {
            return request(form);
        } catch (AtelierApiException e) {
            // the session ended early (logout, admin revoked it, Keycloak restarted): sign in afresh
            return request(grant.tokenForm());
        }
    }

    private IssuedToken request(Map<String, String> form) {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        HttpResponse<byte[]> response;
        try {
            // a token request creates nothing that a repeat could duplicate, so it may be repeated
            response = sender.send(request, true);
        } catch (IOException e) {
            throw new AtelierUnreachableException("Signing in at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtelierException("Interrupted while obtaining a token", e);
        }
        JsonNode body = parse(response);
        if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw refusal(response, body);
        }
        return IssuedToken.of(body.get("access_token").asText(), body.path("expires_in").asLong(60),
                body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null,
                body.path("refresh_expires_in").asLong(0), clock.instant());
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    /** Keycloak answers OAuth errors ({@code error}, {@code error_description}), not problem+json. */
    private AtelierApiException refusal(HttpResponse<byte[]> response, JsonNode body) {
        int status = response.statusCode() == 200 ? 502 : response.statusCode();
        String error = body.path("error").asText("http_" + status);
        String description = body.path("error_description").asText("");
        // Keycloak says 400 for bad credentials on some grants and 401 on others; both mean "not signed in"
        int reported = status == 400 && error.startsWith("invalid_") ? 401 : status;
        return new AtelierApiException(reported, null, "Keycloak refused the sign-in",
                description.isEmpty() ? error : error + ": " + description, null, null, null);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
