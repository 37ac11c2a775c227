package com.atelier.inference;

/** Base of every failure the inference client reports; subclasses say what the caller can do about it. */
public class InferenceException extends RuntimeException {

    public InferenceException(String message) {
        super(message);
    }

    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
