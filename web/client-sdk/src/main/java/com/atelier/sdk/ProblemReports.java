package com.atelier.sdk;

import com.atelier.sdk.http.RetryAfter;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Turns an error response into an {@link AtelierApiException}, whether or not it is problem+json. */
final class ProblemReports {

    private static final int SNIPPET = 200;

    private final ObjectMapper json;
    private final Clock clock;

    ProblemReports(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The RFC 9457 members the API fills in, plus its {@code requestId} and {@code field} extensions. */
    record Problem(String type, String title, Integer status, String detail, String requestId, String field) {
    }

    AtelierApiException from(HttpResponse<byte[]> response) {
        Problem problem = parse(response);
        int status = response.statusCode();
        String headerRequestId = response.headers().firstValue("X-Request-Id").orElse(null);
        var retryAfter = RetryAfter.of(response.headers(), clock).orElse(null);
        if (problem == null || problem.title() == null) {
            // a proxy or a servlet container answered instead of the API: keep what it said, briefly
            return new AtelierApiException(status, null, "HTTP " + status, snippet(response.body()), null,
                    headerRequestId, retryAfter);
        }
        return new AtelierApiException(status, problem.type(), problem.title(), problem.detail(), problem.field(),
                problem.requestId() != null ? problem.requestId() : headerRequestId, retryAfter);
    }

    private Problem parse(HttpResponse<byte[]> response) {
        boolean jsonBody = response.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
        if (!jsonBody) {
            return null;
        }
        try {
            return json.readValue(response.body(), Problem.class);
        } catch (IOException notAProblem) {
            return null;
        }
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "...";
    }
}
