package com.atelier.web.api;

import com.atelier.governance.asset.Asset;
import com.atelier.governance.generation.GenerationJob;
import com.atelier.governance.generation.GenerationSpec;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generation job in API responses. {@code results} groups the assets by model, in the order the models were
 * asked for, which is what a side-by-side comparison shows.
 */
public record JobView(String id, String workspace, String state, String requester, Instant createdAt,
                      Instant startedAt, Instant finishedAt, String failure, int attempts, long gpuMillis,
                      GenerationSpec spec, Map<String, List<AssetView>> results) {

    static JobView of(GenerationJob job, List<Asset> assets, URI apiBase) {
        GenerationSpec spec = job.spec();
        Map<String, List<AssetView>> results = new LinkedHashMap<>();
        spec.models().forEach(model -> results.put(model, assets.stream()
                .filter(a -> a.model().equals(model))
                .map(a -> AssetView.of(a, apiBase))
                .toList()));
        return new JobView(job.id().toString(), job.workspace().slug(), job.state().name(), job.requester(),
                job.createdAt(), job.startedAt().orElse(null), job.finishedAt().orElse(null),
                job.failure().orElse(null), job.attempts(), job.gpuMillis(), spec, results);
    }
}
