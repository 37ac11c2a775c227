package com.atelier.localtriton;

import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.protocol.InferBatchStatistics;
import com.atelier.inference.protocol.InferStatistics;
import com.atelier.inference.protocol.ModelStatistics;
import com.atelier.inference.protocol.StatisticDuration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cumulative per-model inference statistics, kept the way Triton's ModelStatistics reports them. */
public final class StatisticsLedger {

    private final Map<String, ModelCounters> byModel = new HashMap<>();

    public StatisticsLedger() {
        for (String model : ModelCatalog.names()) {
            byModel.put(model, new ModelCounters());
        }
    }

    public void recordExecution(String model, int batchSize, long computeNs) {
        ModelCounters counters = byModel.get(model);
        synchronized (counters) {
            counters.executionCount++;
            counters.computeInfer.add(batchSize, computeNs);
            counters.batches.computeIfAbsent(batchSize, size -> new Duration()).add(1, computeNs);
        }
    }

    public void recordSuccess(String model, long totalNs, long queueNs, boolean cacheHit) {
        ModelCounters counters = byModel.get(model);
        synchronized (counters) {
            counters.inferenceCount++;
            counters.success.add(1, totalNs);
            counters.queue.add(1, queueNs);
            (cacheHit ? counters.cacheHit : counters.cacheMiss).add(1, totalNs);
            counters.lastInferenceMs = System.currentTimeMillis();
        }
    }

    public void recordFailure(String model, long totalNs) {
        ModelCounters counters = byModel.get(model);
        if (counters == null) {
            return;
        }
        synchronized (counters) {
            counters.fail.add(1, totalNs);
        }
    }

    public List<ModelStatistics> snapshot(List<String> models) {
        return models.stream().filter(byModel::containsKey).map(this::snapshot).toList();
    }

    private ModelStatistics snapshot(String model) {
        ModelCounters counters = byModel.get(model);
        synchronized (counters) {
            ModelStatistics.Builder stats = ModelStatistics.newBuilder()
                    .setName(model)
                    .setVersion(ModelRepository.VERSION)
                    .setLastInference(counters.lastInferenceMs)
                    .setInferenceCount(counters.inferenceCount)
                    .setExecutionCount(counters.executionCount)
                    .setInferenceStats(InferStatistics.newBuilder()
                            .setSuccess(counters.success.toProto())
                            .setFail(counters.fail.toProto())
                            .setQueue(counters.queue.toProto())
                            .setComputeInput(StatisticDuration.getDefaultInstance())
                            .setComputeInfer(counters.computeInfer.toProto())
                            .setComputeOutput(StatisticDuration.getDefaultInstance())
                            .setCacheHit(counters.cacheHit.toProto())
                            .setCacheMiss(counters.cacheMiss.toProto()));
            counters.batches.forEach((size, duration) -> stats.addBatchStats(InferBatchStatistics.newBuilder()
                    .setBatchSize(size)
                    .setComputeInfer(duration.toProto())));
            return stats.build();
        }
    }

    /** Count and cumulative nanoseconds of one statistic. */
    private static final class Duration {
        private long count;
        private long ns;

        void add(long times, long nanos) {
            count += times;
            ns += nanos;
        }

        StatisticDuration toProto() {
            return StatisticDuration.newBuilder().setCount(count).setNs(ns).build();
        }
    }

    /** Everything counted for one model; guarded by its own monitor. */
    private static final class ModelCounters {
        private long lastInferenceMs;
        private long inferenceCount;
        private long executionCount;
        private final Duration success = new Duration();
        private final Duration fail = new Duration();
        private final Duration queue = new Duration();
        private final Duration computeInfer = new Duration();
        private final Duration cacheHit = new Duration();
        private final Duration cacheMiss = new Duration();
        private final Map<Integer, Duration> batches = new TreeMap<>();
    }
}
