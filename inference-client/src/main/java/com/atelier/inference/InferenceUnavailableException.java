package com.atelier.inference;

/** No Triton endpoint could serve the call within the retry budget; the caller may queue and retry later. */
public class InferenceUnavailableException extends InferenceException {

    public InferenceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
