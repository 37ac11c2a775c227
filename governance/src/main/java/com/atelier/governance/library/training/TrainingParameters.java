package com.atelier.governance.library.training;

import com.atelier.governance.failure.InvalidInputException;

import java.util.Arrays;
import java.util.List;

/**
 * What a senior designer chooses for a training run: rank, steps, a learning-rate preset and the trigger word that
 * captions every image.
 */
public record TrainingParameters(int rank, int steps, LearningRate learningRate, String triggerWord) {

    public static final List<Integer> RANKS = List.of(16, 32, 64);

    /** Learning-rate presets rather than free numbers: the three settings that reliably train a style or object. */
    public enum LearningRate {
        LOW(5e-5), MEDIUM(1e-4), HIGH(4e-4);

        private final double value;

        LearningRate(double value) {
            this.value = value;
        }

        public double value() {
            return value;
        }

        public static LearningRate of(String name) {
            return Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("learningRate", "learningRate is one of "
                            + List.of("low", "medium", "high") + "."));
        }
    }

    public TrainingParameters {
        if (!RANKS.contains(rank)) {
            throw new InvalidInputException("rank", "rank is one of " + RANKS + " (was " + rank + ").");
        }
        if (steps < 100 || steps > 10_000) {
            throw new InvalidInputException("steps", "steps is between 100 and 10000 (was " + steps + ").");
        }
        if (learningRate == null) {
            throw new InvalidInputException("learningRate", "learningRate is one of low, medium, high.");
        }
        if (triggerWord == null || triggerWord.isBlank() || triggerWord.strip().length() > 100
                || triggerWord.chars().anyMatch(c -> Character.isISOControl(c) || c == '{' || c == '}')) {
            throw new InvalidInputException("triggerWord", "A trigger word is one line of 1 to 100 characters"
                    + " without braces.");
        }
        triggerWord = triggerWord.strip();
    }
}
