package com.atelier.inference;

import java.util.List;

/** The request names a model that Atelier does not serve; raised before anything is sent. */
public class UnknownModelException extends InferenceException {

    private final String model;

    public UnknownModelException(String model, List<String> knownModels) {
        super("Unknown model '" + model + "'. Choose one of: " + String.join(", ", knownModels) + ".");
        this.model = model;
    }

    public String model() {
        return model;
    }
}
