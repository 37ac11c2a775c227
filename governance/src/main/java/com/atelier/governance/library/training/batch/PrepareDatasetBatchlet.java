package com.atelier.governance.library.training.batch;

import com.atelier.governance.library.training.TrainingRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.UUID;

/** Step "prepare" of the lora-training job: resized, captioned dataset in the asset store. */
@Named("prepareDatasetBatchlet")
@Dependent
public class PrepareDatasetBatchlet extends AbstractBatchlet {

    @Inject
    TrainingRuns runs;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String runId;

    @Override
    public String process() throws Exception {
        return RunSteps.guarded(runs, runId, "prepare", () -> {
            runs.prepare(UUID.fromString(runId), job.getExecutionId());
            return "PREPARED";
        });
    }
}
