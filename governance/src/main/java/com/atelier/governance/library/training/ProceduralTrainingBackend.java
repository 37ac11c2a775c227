package com.atelier.governance.library.training;

import com.atelier.governance.failure.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training backend that runs inside the portal: it does not train. Each poll advances the job by a quarter, and
 * the result is a {@link ProceduralLora} of the requested rank and family whose weights are derived from the
 * dataset's hash, so that the whole flow (upload, prepare, train, register, publish, generate) runs on a laptop.
 * Jobs live in this node's memory; a restart loses unfinished ones, and their runs fail.
 */
@ApplicationScoped
public class ProceduralTrainingBackend implements TrainingBackend {

    private static final int STEP = 25;

    private record Job(TrainingRequest request, int percent) {
    }

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "procedural";
    }

    @Override
    public String submit(TrainingRequest request) {
        String id = "procedural-" + UUID.randomUUID();
        jobs.put(id, new Job(request, 0));
        return id;
    }

    @Override
    public TrainingProgress progress(String backendJobId) {
        Job job = jobs.computeIfPresent(backendJobId, (id, j) -> new Job(j.request(), Math.min(100, j.percent() + STEP)));
        if (job == null) {
            return new TrainingProgress(0, true, Optional.of("The procedural backend has no job " + backendJobId
                    + " (was the server restarted?)."));
        }
        return new TrainingProgress(job.percent(), job.percent() >= 100, Optional.empty());
    }

    @Override
    public byte[] result(String backendJobId) {
        Job job = jobs.remove(backendJobId);
        if (job == null || job.percent() < 100) {
            throw new NotFoundException("The procedural backend has no finished job " + backendJobId + ".");
        }
        TrainingRequest r = job.request();
        long seed = ByteBuffer.wrap(java.util.HexFormat.of().parseHex(r.datasetSha256().substring(0, 16))).getLong()
                ^ r.parameters().rank() ^ ((long) r.parameters().steps() << 20);
        return ProceduralLora.generate(r.family(), r.parameters().rank(), seed, Map.of(
                "atelier.trigger_word", r.parameters().triggerWord(),
                "atelier.steps", Integer.toString(r.parameters().steps()),
                "atelier.learning_rate", Double.toString(r.parameters().learningRate().value()),
                "atelier.dataset_sha256", r.datasetSha256(),
                "atelier.training_run", r.runId().toString()));
    }
}
