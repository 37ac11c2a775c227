package com.atelier.sdk;

import com.atelier.sdk.auth.TokenSource;
import com.atelier.sdk.http.RetryingSender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * One authenticated call to the API: adds the bearer token, renews it once when the portal rejects it, and
 * turns error responses into {@link AtelierApiException}s. Retries of failed connections, 503s and 429s happen
 * below, in {@link RetryingSender}.
 */
final class ApiExchange {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String ACCEPT = "application/json, application/problem+json";

    private final URI base;
    private final RetryingSender sender;
    private final TokenSource tokens;
    private final ObjectMapper json;
    private final ProblemReports problems;

    ApiExchange(URI base, RetryingSender sender, TokenSource tokens, ObjectMapper json, ProblemReports problems) {
        // resolve() drops the last path segment of a base without a trailing slash (".../api/v1" -> ".../api/")
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.sender = sender;
        this.tokens = tokens;
        this.json = json;
        this.problems = problems;
    }

    /** A request to {@code path}, relative to the API base (no leading slash), e.g. {@code me}. */
    HttpRequest.Builder request(String path) {
        return at(base.resolve(path));
    }

    /**
     * A request to an absolute URL the API handed out (an asset's {@code content}). Only URLs on the API's own
     * origin are accepted, because the bearer token goes with the request.
     */
    HttpRequest.Builder at(URI url) {
        if (!Objects.equals(url.getScheme(), base.getScheme()) || !Objects.equals(url.getHost(), base.getHost())
                || url.getPort() != base.getPort()) {
            throw new IllegalArgumentException("Refusing to send the API token to " + url + ", which is not on "
                    + base.getScheme() + "://" + base.getAuthority());
        }
        return HttpRequest.newBuilder(url).timeout(DEFAULT_TIMEOUT).header("Accept", ACCEPT);
    }

    HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T call(HttpRequest.Builder request, Class<T> type) {
        return read(send(request), type);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = attempt(request);
        if (response.statusCode() == 401 && tokens.invalidate()) {
            response = attempt(request);
        }
        if (response.statusCode() >= 400) {
            throw problems.from(response);
        }
        return response;
    }

    <T> T read(HttpResponse<byte[]> response, Class<T> type) {
        try {
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new AtelierException("The portal answered " + response.request().method() + " "
                    + response.uri() + " with a body that is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** A path segment with everything but unreserved characters percent-encoded. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<byte[]> attempt(HttpRequest.Builder request) {
        HttpRequest signed = request.copy().header("Authorization", "Bearer " + tokens.token()).build();
        try {
            return sender.send(signed);
        } catch (IOException e) {
            throw new AtelierUnreachableException(signed.method() + " " + signed.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtelierException("Interrupted during " + signed.method() + " " + signed.uri(), e);
        }
    }
}
