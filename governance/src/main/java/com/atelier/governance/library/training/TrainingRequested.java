package com.atelier.governance.library.training;

import java.util.UUID;

/** A training run was committed and its batch job can start. */
public record TrainingRequested(UUID runId) {
}
