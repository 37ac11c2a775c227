package com.atelier.inference;

import java.time.Duration;

/** The call's deadline passed before Triton answered; a longer deadline or fewer steps may help. */
public class InferenceTimeoutException extends InferenceException {

    public InferenceTimeoutException(String model, Duration deadline, Throwable cause) {
        super("Model '" + model + "' did not answer within " + deadline.toMillis()
                + " ms. Retry with a longer deadline, fewer steps or a smaller image.", cause);
    }
}
