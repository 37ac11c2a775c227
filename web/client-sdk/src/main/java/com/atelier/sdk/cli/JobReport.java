package com.atelier.sdk.cli;

import com.atelier.sdk.asset.Asset;
import com.atelier.sdk.generation.Job;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A job in a few lines of text: state, timing, failure and one line per asset, model by model. */
final class JobReport {

    private JobReport() {
    }

    static void print(Job job, PrintWriter out) {
        out.printf("Job %s %s%s%n", job.id(), job.state(), took(job));
        out.printf("  workspace %s, requested by %s at %s, %d attempt(s), GPU %d ms%n", job.workspace(),
                job.requester(), job.createdAt(), job.attempts(), job.gpuMillis());
        job.failureReason().ifPresent(reason -> out.println("  failure: " + reason));
        for (Map.Entry<String, List<Asset>> model : job.results().entrySet()) {
            out.printf("  %s: %d image(s)%n", model.getKey(), model.getValue().size());
            model.getValue().forEach(asset -> out.println("    " + line(asset)));
        }
    }

    static String line(Asset asset) {
        String state = asset.blocked()
                ? "BLOCKED (" + asset.blockedBecause().orElse("no reason given") + ")"
                : asset.state();
        return String.format("#%d seed %d %dx%d %s %s", asset.position(), asset.seed(), asset.width(),
                asset.height(), state, asset.id());
    }

    private static String took(Job job) {
        if (job.createdAt() == null || job.finishedAt() == null) {
            return "";
        }
        Duration took = Duration.between(job.createdAt(), job.finishedAt());
        return String.format(" in %.1f s", took.toMillis() / 1000.0);
    }
}
