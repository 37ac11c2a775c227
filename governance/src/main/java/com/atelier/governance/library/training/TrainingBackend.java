package com.atelier.governance.library.training;

/**
 * Where LoRAs are trained. A port: {@link ProceduralTrainingBackend} runs in the portal and produces a structurally
 * valid but untrained file; a GPU trainer (kohya's sd-scripts, ai-toolkit) replaces it as an {@code @Alternative}
 * with a {@code @Priority}.
 */
public interface TrainingBackend {

    /** A short name recorded with each run ("procedural", "kohya-gpu-pool"). */
    String name();

    /** Starts training and returns the backend's id of the job. */
    String submit(TrainingRequest request);

    TrainingProgress progress(String backendJobId);

    /** The trained .safetensors file of a finished job. */
    byte[] result(String backendJobId);
}
