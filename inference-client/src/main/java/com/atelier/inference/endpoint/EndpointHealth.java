package com.atelier.inference.endpoint;

import java.time.Instant;
import java.util.List;

/**
 * What one Triton endpoint said when last probed: KServe v2 liveness and readiness, the Atelier
 * models it has ready, and a sentence for operators.
 *
 * @param target      "host:port" as configured
 * @param readyModels models whose ModelReady answered true
 * @param detail      why it is not ready, or a summary when it is
 * @param checkedAt   when the probe finished; {@link Instant#EPOCH} before the first probe
 */
public record EndpointHealth(String target, boolean live, boolean ready, List<String> readyModels, String detail, Instant checkedAt) {

    public EndpointHealth {
        readyModels = List.copyOf(readyModels);
    }

    static EndpointHealth notProbedYet(String target) {
        return new EndpointHealth(target, false, false, List.of(), "not probed yet", Instant.EPOCH);
    }

    public boolean probed() {
        return !Instant.EPOCH.equals(checkedAt);
    }

    public boolean serves(String model) {
        return live && ready && readyModels.contains(model);
    }
}
