package com.atelier.sdk.generation;

import com.atelier.sdk.asset.Asset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generation job as the portal reports it. {@code spec} is the request as recorded (the seed is always set);
 * {@code results} holds the assets per model, in the order the models were asked for.
 */
public record Job(String id, String workspace, JobState state, String requester, Instant createdAt,
                  Instant startedAt, Instant finishedAt, String failure, int attempts, long gpuMillis,
                  GenerationRequest spec, Map<String, List<Asset>> results) {

    public Job {
        state = state == null ? JobState.UNKNOWN : state;
        results = results == null ? Map.of() : results;
    }

    public boolean isFinal() {
        return state.isFinal();
    }

    public boolean succeeded() {
        return state == JobState.SUCCEEDED;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    /** Every asset of every model, model by model. */
    public List<Asset> assets() {
        return results.values().stream().flatMap(List::stream).toList();
    }

    public List<Asset> assetsOf(String model) {
        return results.getOrDefault(model, List.of());
    }
}
