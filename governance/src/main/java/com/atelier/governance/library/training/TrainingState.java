package com.atelier.governance.library.training;

/** Where a training run is: QUEUED → PREPARING → TRAINING → SUCCEEDED or FAILED. */
public enum TrainingState {
    QUEUED, PREPARING, TRAINING, SUCCEEDED, FAILED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
    }
}
