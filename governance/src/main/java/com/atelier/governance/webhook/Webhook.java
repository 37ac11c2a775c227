package com.atelier.governance.webhook;

import com.atelier.governance.failure.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to tell a caller that their job finished, and the secret the portal signs the notice with (HMAC-SHA256),
 * so the receiver can check it came from the portal. The secret is stored with the job and never shown again.
 */
public record Webhook(URI url, String secret) {

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;

    public static Webhook of(String url, String secret) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("webhook.url", "The webhook URL is not a valid URL: " + e.getMessage());
        }
        if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null || url.length() > 2000) {
            throw new InvalidInputException("webhook.url", "The webhook URL must be an absolute http(s) URL of at"
                    + " most 2000 characters.");
        }
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new InvalidInputException("webhook.secret", "The webhook secret must be " + MIN_SECRET + " to "
                    + MAX_SECRET + " characters; the portal signs each notice with it.");
        }
        return new Webhook(uri, secret);
    }
}
