package com.atelier.governance.library.lora;

import com.atelier.governance.failure.InvalidInputException;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a LoRA version was trained, as its uploader declares it or a training run records it.
 *
 * @param datasetSize   number of training images, if known
 * @param steps         training steps, if known
 * @param trainedBy     who trained it; empty means the uploader
 * @param trainingRunId the portal's training run that produced it, if any
 */
public record TrainingProvenance(Optional<Integer> datasetSize, Optional<Integer> steps, Optional<String> trainedBy,
                                 Optional<UUID> trainingRunId) {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@+ -]{1,255}");

    public static final TrainingProvenance UNKNOWN = new TrainingProvenance(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public TrainingProvenance {
        if (datasetSize.map(n -> n < 1 || n > 100_000).orElse(false)) {
            throw new InvalidInputException("datasetSize", "datasetSize is between 1 and 100000 images.");
        }
        if (steps.map(n -> n < 1 || n > 10_000_000).orElse(false)) {
            throw new InvalidInputException("steps", "steps is between 1 and 10000000.");
        }
        trainedBy = trainedBy.map(String::strip).filter(s -> !s.isEmpty());
        if (trainedBy.map(s -> !USER.matcher(s).matches()).orElse(false)) {
            throw new InvalidInputException("trainedBy", "trainedBy names a person or team: up to 255 letters,"
                    + " digits, spaces or . _ @ + -.");
        }
    }
}
