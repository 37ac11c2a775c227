package com.atelier.governance.library.training;

import java.util.Optional;

/** How far a backend job is: a percentage, whether it has finished, and why it failed if it did. */
public record TrainingProgress(int percent, boolean finished, Optional<String> failure) {
}
