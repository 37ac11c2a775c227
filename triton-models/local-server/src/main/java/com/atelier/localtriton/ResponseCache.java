package com.atelier.localtriton;

import com.atelier.inference.tensor.RawTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded least-recently-used cache of rendered outputs, playing the part of Triton's response
 * cache: rendering is deterministic, so an identical request may reuse earlier outputs.
 */
public final class ResponseCache<K> {

    private final long capacityBytes;
    private long usedBytes;
    private final LinkedHashMap<K, List<RawTensor>> entries = new LinkedHashMap<>(64, 0.75f, true);

    public ResponseCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    public synchronized Optional<List<RawTensor>> find(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(K key, List<RawTensor> outputs) {
        long size = sizeOf(outputs);
        if (capacityBytes <= 0 || size > capacityBytes || entries.containsKey(key)) {
            return;
        }
        entries.put(key, outputs);
        usedBytes += size;
        var eldest = entries.entrySet().iterator();
        while (usedBytes > capacityBytes && eldest.hasNext()) {
            Map.Entry<K, List<RawTensor>> evicted = eldest.next();
            usedBytes -= sizeOf(evicted.getValue());
            eldest.remove();
        }
    }

    private static long sizeOf(List<RawTensor> outputs) {
        return outputs.stream().mapToLong(tensor -> tensor.data().size()).sum();
    }
}
