package com.atelier.governance.library.training.batch;

import com.atelier.governance.library.training.TrainingRuns;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What every step of the training job does around its work: a failure marks the run FAILED before it ends the job. */
final class RunSteps {

    private static final Logger LOG = Logger.getLogger(RunSteps.class.getName());

    private RunSteps() {
    }

    static String guarded(TrainingRuns runs, String runId, String step, Callable<String> work) throws Exception {
        try {
            return work.call();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "training run " + runId + " failed in step " + step, e);
            runs.fail(UUID.fromString(runId), step + " failed: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
            throw e;
        }
    }
}
