package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.protocol.RepositoryIndexResponse;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local server's model repository: every model of {@link ModelCatalog}, each loaded or unloaded,
 * in version 1, with Triton's answers for unknown and unavailable models.
 */
public final class ModelRepository {

    public static final String VERSION = "1";

    private final Map<String, Boolean> loaded = new ConcurrentHashMap<>();

    public ModelRepository(Set<String> initiallyUnloaded) {
        for (String unknown : initiallyUnloaded) {
            if (ModelCatalog.find(unknown).isEmpty()) {
                throw new IllegalArgumentException("Unknown model '" + unknown + "'; known: " + ModelCatalog.names());
            }
        }
        for (ModelContract contract : ModelCatalog.all()) {
            loaded.put(contract.name(), !initiallyUnloaded.contains(contract.name()));
        }
    }

    public boolean isReady(String model, String version) {
        return (version.isEmpty() || VERSION.equals(version)) && loaded.getOrDefault(model, false);
    }

    /** The contract of a model that is loaded, or the status Triton answers instead. */
    public ModelContract requireReady(String model, String version) {
        ModelContract contract = ModelCatalog.find(model).orElseThrow(() -> Status.NOT_FOUND
                .withDescription("Request for unknown model: '" + model + "' is not found").asRuntimeException());
        if (!isReady(model, version)) {
            throw Status.UNAVAILABLE
                    .withDescription("Request for unknown model: '" + model + "' has no available versions")
                    .asRuntimeException();
        }
        return contract;
    }

    public Optional<ModelContract> find(String model) {
        return ModelCatalog.find(model);
    }

    public void load(String model) {
        requireKnown(model);
        loaded.put(model, true);
    }

    public void unload(String model) {
        requireKnown(model);
        loaded.put(model, false);
    }

    public List<RepositoryIndexResponse.ModelIndex> index(boolean readyOnly) {
        return ModelCatalog.names().stream()
                .filter(name -> !readyOnly || loaded.get(name))
                .map(name -> RepositoryIndexResponse.ModelIndex.newBuilder()
                        .setName(name)
                        .setVersion(VERSION)
                        .setState(loaded.get(name) ? "READY" : "UNAVAILABLE")
                        .setReason(loaded.get(name) ? "" : "unloaded")
                        .build())
                .toList();
    }

    private static void requireKnown(String model) {
        if (ModelCatalog.find(model).isEmpty()) {
            throw Status.INVALID_ARGUMENT.withDescription("failed to load '" + model + "', no version is available")
                    .asRuntimeException();
        }
    }
}
