package com.atelier.sdk;

/** Something the {@link FakePortal} does instead of (or after) answering one request normally. */
public record Fault(Kind kind, int status, String title, String detail, String field, Integer retryAfterSeconds) {

    public enum Kind { PROBLEM, PLAIN_TEXT, DROP_BEFORE_HANDLING, DROP_AFTER_HANDLING }

    /** An application/problem+json answer. */
    public static Fault problem(int status, String title, String detail, String field) {
        return new Fault(Kind.PROBLEM, status, title, detail, field, null);
    }

    public static Fault unavailable() {
        return problem(503, "Service Unavailable", "The database cannot be reached.", null);
    }

    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(Kind.PROBLEM, 429, "Quota exceeded", "The workspace's daily image quota is used up.",
                null, retryAfterSeconds);
    }

    /** A text/html answer, as a proxy in front of the portal would give. */
    public static Fault plainText(int status, String body) {
        return new Fault(Kind.PLAIN_TEXT, status, null, body, null, null);
    }

    /** Closes the connection without reading or doing anything. */
    public static Fault dropBeforeHandling() {
        return new Fault(Kind.DROP_BEFORE_HANDLING, 0, null, null, null, null);
    }

    /** Does what the request asks, then closes the connection instead of answering: the reply is lost. */
    public static Fault dropAfterHandling() {
        return new Fault(Kind.DROP_AFTER_HANDLING, 0, null, null, null, null);
    }
}
