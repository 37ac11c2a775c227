package com.atelier.sdk.generation;

/** Where the portal POSTs the job's completion notice, signed with HMAC-SHA256 of {@code secret}. */
public record WebhookTarget(String url, String secret) {

    @Override
    public String toString() {
        // keep the secret out of logs and exception messages
        return "WebhookTarget[url=" + url + ", secret=***]";
    }
}
