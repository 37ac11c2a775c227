package com.atelier.sdk;

import java.io.IOException;

/** The portal or Keycloak gave no HTTP answer (refused, reset or timed-out connection), after any retries. */
public class AtelierUnreachableException extends AtelierException {

    /** @param what the call and where it went, e.g. {@code GET http://localhost:8080/api/v1/me} */
    public AtelierUnreachableException(String what, IOException cause) {
        // a refused connection comes with no message at all; its class name is then the best explanation
        super(what + " failed: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage()), cause);
    }
}
