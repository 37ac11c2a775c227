package com.atelier.governance.provenance;

import java.util.Optional;

/**
 * JUMBF URIs as C2PA uses them in hashed URIs: {@code self#jumbf=c2pa.assertions/<label>} relative to the manifest
 * that contains the reference, or {@code self#jumbf=/c2pa/<manifest>/...} from the top of the manifest store.
 */
final class JumbfUri {

    private static final String PREFIX = "self#jumbf=";
    static final String ASSERTIONS = "c2pa.assertions";
    static final String SIGNATURE = "c2pa.signature";
    static final String CLAIM = "c2pa.claim.v2";

    private JumbfUri() {
    }

    static String assertion(String label) {
        return PREFIX + ASSERTIONS + "/" + label;
    }

    static String signature() {
        return PREFIX + SIGNATURE;
    }

    static String manifest(String manifestLabel) {
        return PREFIX + "/c2pa/" + manifestLabel;
    }

    static String signatureOf(String manifestLabel) {
        return manifest(manifestLabel) + "/" + SIGNATURE;
    }

    /** The box a URI points at, looked up from {@code store}, with relative URIs resolved against {@code manifest}. */
    static Optional<JumbfBox> resolve(String uri, JumbfBox store, JumbfBox manifest) {
        if (!uri.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String path = uri.substring(PREFIX.length());
        JumbfBox current;
        if (path.startsWith("/")) {
            String[] parts = path.substring(1).split("/", 3);
            if (!parts[0].equals(store.label())) {
                return Optional.empty();
            }
            if (parts.length == 1) {
                return Optional.of(store);
            }
            Optional<JumbfBox> named = store.child(parts[1]);
            if (named.isEmpty() || parts.length == 2) {
                return named;
            }
            current = named.get();
            path = parts[2];
        } else {
            current = manifest;
        }
        for (String part : path.split("/")) {
            Optional<JumbfBox> next = current.child(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }
}
