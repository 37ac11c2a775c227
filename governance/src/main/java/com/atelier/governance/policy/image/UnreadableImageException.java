package com.atelier.governance.policy.image;

/** The bytes handed to an image check are not a PNG it can decode; the message says why. */
public class UnreadableImageException extends IllegalArgumentException {

    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
