package com.atelier.sdk;

/** Any failure of an SDK call; the subclasses say whether the portal answered or could not be reached. */
public class AtelierException extends RuntimeException {

    public AtelierException(String message) {
        super(message);
    }

    public AtelierException(String message, Throwable cause) {
        super(message, cause);
    }
}
