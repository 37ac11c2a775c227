package com.atelier.inference;

import java.util.List;

/** The request's parameters are outside what the model accepts; each violation says what to change. */
public class InvalidInferenceRequestException extends InferenceException {

    private final List<String> violations;

    public InvalidInferenceRequestException(String model, List<String> violations) {
        super("Invalid request for model '" + model + "': " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
