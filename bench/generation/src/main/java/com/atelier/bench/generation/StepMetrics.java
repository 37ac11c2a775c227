package com.atelier.bench.generation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's render-step timers ({@code atelier_render_step_seconds}, a Prometheus histogram with labels
 * {@code model} and {@code step}) read from a scrape of {@code GET /api/v1/metrics}. The timers count from the
 * node's start, so the benchmark scrapes before and after a phase and reads the difference: what the phase's jobs
 * (and anything else of the same model on that node meanwhile) spent in each step.
 */
final class StepMetrics {

    static final String METRIC = "atelier_render_step_seconds";
    /** The render chain's steps in the order a job passes them (see governance.render). */
    static final List<String> STEPS = List.of("queue", "render", "check", "check.safety", "check.brand", "sign",
            "store", "record");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One step's histogram: cumulative bucket counts by upper bound (seconds), the count and the sum. */
    static final class Histogram {
        final TreeMap<Double, Double> buckets = new TreeMap<>();
        double count;
        double sum;

        /** This histogram minus an earlier one of the same timer (absent before: nothing counted yet). */
        Histogram minus(Histogram before) {
            Histogram delta = new Histogram();
            buckets.forEach((le, c) -> delta.buckets.put(le, c - (before == null ? 0 : before.buckets.getOrDefault(le, 0.0))));
            delta.count = count - (before == null ? 0 : before.count);
            delta.sum = sum - (before == null ? 0 : before.sum);
            return delta;
        }

        double meanMillis() {
            return count > 0 ? sum / count * 1000 : Double.NaN;
        }

        /**
         * The quantile in milliseconds estimated from the buckets, as Prometheus' histogram_quantile does: the
         * bucket holding the rank, then linear interpolation between its bounds (the lowest bucket starts at 0).
         * When the rank falls in the +Inf bucket the largest finite bound is returned, negated to mark "above".
         */
        double quantileMillis(double q) {
            if (count <= 0) {
                return Double.NaN;
            }
            double rank = q * count;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                double upper = bucket.getKey();
                double cumulative = bucket.getValue();
                if (cumulative >= rank) {
                    if (Double.isInfinite(upper)) {
                        return -lower * 1000;
                    }
                    double inBucket = cumulative - below;
                    double share = inBucket > 0 ? (rank - below) / inBucket : 1;
                    return (lower + (upper - lower) * share) * 1000;
                }
                lower = upper;
                below = cumulative;
            }
            return -lower * 1000;
        }
    }

    private final Map<String, Histogram> byStep;

    private StepMetrics(Map<String, Histogram> byStep) {
        this.byStep = byStep;
    }

    /**
     * The step histograms of one model in a scrape. A job's {@code record} step is labelled with all its models
     * joined by commas; the benchmark's jobs have one model, so the exact label is theirs.
     */
    static StepMetrics parse(String scrape, String model) {
        Map<String, Histogram> byStep = new HashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || !line.startsWith(METRIC)) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = labels(sample.group(2));
            String step = labels.get("step");
            if (step == null || !model.equals(labels.get("model"))) {
                continue;
            }
            add(byStep.computeIfAbsent(step, s -> new Histogram()), sample.group(1), labels.get("le"),
                    Double.parseDouble(sample.group(3)));
        }
        return new StepMetrics(byStep);
    }

    private static void add(Histogram histogram, String name, String le, double value) {
        switch (name.substring(METRIC.length())) {
            case "_bucket" -> histogram.buckets.put(bound(le), value);
            case "_count" -> histogram.count = value;
            case "_sum" -> histogram.sum = value;
            default -> {
                // _max and any other series: not needed for the deltas
            }
        }
    }

    private static double bound(String le) {
        return le == null || le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new HashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        return labels;
    }

    boolean isEmpty() {
        return byStep.isEmpty();
    }

    /** Per step, what was counted between the earlier scrape and this one; known steps first, in chain order. */
    Map<String, Histogram> since(StepMetrics before) {
        List<String> order = new ArrayList<>(STEPS);
        byStep.keySet().stream().filter(step -> !STEPS.contains(step)).sorted().forEach(order::add);
        Map<String, Histogram> deltas = new LinkedHashMap<>();
        for (String step : order) {
            Histogram after = byStep.get(step);
            if (after != null) {
                deltas.put(step, after.minus(before.byStep.get(step)));
            }
        }
        return deltas;
    }
}
