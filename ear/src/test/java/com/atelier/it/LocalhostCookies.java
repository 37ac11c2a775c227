package com.atelier.it;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie jar that treats http://localhost as a secure context, as browsers do: Keycloak marks its session
 * cookies Secure, and java.net's CookieManager would otherwise never send them back over plain HTTP.
 */
final class LocalhostCookies extends CookieHandler {

    private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
        return jar.get(uri, requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
        if (!"localhost".equals(uri.getHost())) {
            jar.put(uri, responseHeaders);
            return;
        }
        jar.put(uri, responseHeaders.entrySet().stream()
                .filter(e -> e.getKey() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getKey().equalsIgnoreCase("Set-Cookie")
                        ? e.getValue().stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList()
                        : e.getValue())));
    }
}
