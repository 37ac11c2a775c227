package com.atelier.web.api;

import com.atelier.governance.library.training.TrainingRun;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** A training run as the API shows it; {@code version} is the LoRA version it produced once SUCCEEDED. */
public record TrainingRunView(UUID id, long adapterId, String adapter, String state, int progress, int rank,
                              int steps, String learningRate, String triggerWord, int images, String backend,
                              String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt,
                              String failure, Integer version, URI self) {

    static TrainingRunView of(TrainingRun run, String workspace, URI base) {
        var p = run.parameters();
        return new TrainingRunView(run.id(), run.adapter().id(), run.adapter().name(), run.state().name(),
                run.progress(), p.rank(), p.steps(), p.learningRate().name().toLowerCase(), p.triggerWord(),
                run.imageHashes().size(), run.backend(), run.requestedBy(), run.createdAt(),
                run.startedAt().orElse(null), run.finishedAt().orElse(null), run.failure().orElse(null),
                run.resultVersion().orElse(null),
                base.resolve("workspaces/" + workspace + "/training-runs/" + run.id()));
    }
}
