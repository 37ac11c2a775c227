package com.atelier.governance.library.training.batch;

import com.atelier.governance.library.training.TrainingRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.UUID;

/** Step "register" of the lora-training job: the trained file becomes a DRAFT version (inspected like an upload). */
@Named("registerLoraBatchlet")
@Dependent
public class RegisterLoraBatchlet extends AbstractBatchlet {

    @Inject
    TrainingRuns runs;

    @Inject
    @BatchProperty
    String runId;

    @Override
    public String process() throws Exception {
        return RunSteps.guarded(runs, runId, "register", () -> "REGISTERED v"
                + runs.register(UUID.fromString(runId)).version());
    }
}
