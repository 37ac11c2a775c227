package com.atelier.inference;

/** No reachable Triton endpoint has the model loaded and ready; another model, or a later retry, may work. */
public class ModelNotReadyException extends InferenceException {

    private final String model;

    public ModelNotReadyException(String model, String detail) {
        super("Model '" + model + "' is not ready on any Triton endpoint (" + detail
                + "). It may be loading or unloaded; try again in a minute or choose another model.");
        this.model = model;
    }

    public String model() {
        return model;
    }
}
