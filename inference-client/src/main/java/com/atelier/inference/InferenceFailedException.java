package com.atelier.inference;

/** Triton answered with an error that retrying will not fix (rejected input, internal model failure). */
public class InferenceFailedException extends InferenceException {

    private final String statusCode;

    public InferenceFailedException(String statusCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    /** The gRPC status code name Triton answered with, e.g. INVALID_ARGUMENT or INTERNAL. */
    public String statusCode() {
        return statusCode;
    }
}
