package com.atelier.governance.provenance;

/** The bytes claim to hold a C2PA manifest store but do not follow its structure. */
class MalformedManifestException extends RuntimeException {

    MalformedManifestException(String message) {
        super(message);
    }

    MalformedManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
