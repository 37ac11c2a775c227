package com.atelier.governance.library.training.batch;

import com.atelier.governance.library.training.TrainingRuns;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Step "train" of the lora-training job: submits the dataset to the training backend and polls it until it has
 * finished, failed, or run past the deadline ({@code maxHours}). Stopping the job stops the polling.
 */
@Named("trainBatchlet")
@Dependent
public class TrainBatchlet extends AbstractBatchlet {

    @Inject
    TrainingRuns runs;

    @Inject
    @BatchProperty
    String runId;

    @Inject
    @BatchProperty
    String pollSeconds;

    @Inject
    @BatchProperty
    String maxHours;

    private volatile boolean stopped;

    @Override
    public String process() throws Exception {
        return RunSteps.guarded(runs, runId, "train", () -> {
            UUID run = UUID.fromString(runId);
            runs.submit(run);
            Duration interval = Duration.ofSeconds(pollSeconds == null ? 2 : Long.parseLong(pollSeconds));
            Instant deadline = Instant.now().plus(Duration.ofHours(maxHours == null ? 24 : Long.parseLong(maxHours)));
            while (!runs.poll(run)) {
                if (stopped) {
                    throw new IllegalStateException("the job was stopped");
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the backend did not finish within " + maxHours + " hours");
                }
                // a batch step waiting on an external trainer: there is nothing to be notified by
                Thread.sleep(interval.toMillis());
            }
            return "TRAINED";
        });
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
