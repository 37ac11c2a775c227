package com.atelier.governance.library.training;

import com.atelier.governance.library.lora.BaseFamily;

import java.util.UUID;

/** What a training backend is asked to train: the family, the parameters and the prepared dataset (a zip). */
public record TrainingRequest(UUID runId, BaseFamily family, TrainingParameters parameters, String datasetSha256,
                              byte[] dataset) {
}
