package com.atelier.sdk.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Sends requests with a {@link RetryPolicy}. A request is repeated after a connection failure or a 503 only when
 * repeating it cannot do a thing twice: GET, HEAD, PUT and DELETE, or a POST that carries an
 * {@code Idempotency-Key}. A 429 is always repeatable because the server refused it before doing anything.
 */
public final class RetryingSender {

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final HttpClient http;
    private final RetryPolicy policy;
    private final Clock clock;

    public RetryingSender(HttpClient http, RetryPolicy policy, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Returns the first response that is not worth repeating, or the last one when the tries run out; throws the
     * last connection failure when no response came at all.
     */
    public HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return send(request, repeatable(request));
    }

    /** As {@link #send(HttpRequest)}, for a caller that knows better whether a repeat is harmless. */
    public HttpResponse<byte[]> send(HttpRequest request, boolean repeatable) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            boolean lastTry = attempt >= policy.maxAttempts();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!repeatable || lastTry) {
                    throw e;
                }
                pause(policy.backoff(attempt));
                continue;
            }
            Optional<Duration> wait = lastTry ? Optional.empty() : waitBeforeRepeating(response, repeatable, attempt);
            if (wait.isEmpty()) {
                return response;
            }
            pause(wait.get());
        }
    }

    static boolean repeatable(HttpRequest request) {
        return IDEMPOTENT_METHODS.contains(request.method())
                || request.headers().firstValue("Idempotency-Key").isPresent();
    }

    private Optional<Duration> waitBeforeRepeating(HttpResponse<?> response, boolean repeatable, int attempt) {
        int status = response.statusCode();
        if (status != 429 && !(status == 503 && repeatable)) {
            return Optional.empty();
        }
        Duration wait = RetryAfter.of(response.headers(), clock).orElseGet(() -> policy.backoff(attempt));
        return wait.compareTo(policy.maxRetryAfter()) <= 0 ? Optional.of(wait) : Optional.empty();
    }

    private static void pause(Duration wait) throws InterruptedException {
        Thread.sleep(wait.toMillis());
    }
}
