package com.atelier.governance.generation;

import com.atelier.governance.asset.Asset;

import java.util.List;
import java.util.UUID;

/**
 * A job reached a final state; fired inside the transaction that recorded it, with the job as it ended and the
 * assets that transaction made (none for a failed or cancelled job), so a request waiting on this node can answer
 * without reading them again.
 */
public record JobFinished(GenerationJob job, List<Asset> assets) {

    public JobFinished {
        assets = List.copyOf(assets);
    }

    public UUID jobId() {
        return job.id();
    }
}
