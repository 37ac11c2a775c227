package com.atelier.bench.generation;

import com.atelier.bench.generation.GenerationBenchmark.Drain;
import com.atelier.bench.generation.GenerationBenchmark.LocalRun;
import com.atelier.bench.generation.GenerationBenchmark.Results;
import com.atelier.bench.generation.GenerationBenchmark.SubmitRun;
import com.atelier.bench.generation.GenerationBenchmark.SyncRun;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one run's results as Markdown, ready to paste into docs/benchmarks.md: how it was run, then the latency
 * per generation side by side with the portal's step timers, the durable floor, and the accepted submissions.
 */
final class MarkdownReport {

    /** The targets for the portal's added latency without the safety call, in milliseconds. */
    static final double TARGET_P50_MS = 15;
    static final double TARGET_P99_MS = 50;

    private final Results results;

    MarkdownReport(Results results) {
        this.results = results;
    }

    void print() {
        System.out.println();
        header();
        if (results.sync != null) {
            sideBySide(results.sync);
            stepTimers(results.sync);
            segments(results.sync);
        }
        if (results.floor != null) {
            System.out.println();
            DurableFloor.print(results.floor);
        }
        if (!results.submitRuns.isEmpty()) {
            submissions(results.submitRuns);
        }
        if (results.local != null) {
            local(results.local);
        }
    }

    // ---------------------------------------------------------------- how it was run

    private void header() {
        var s = results.settings;
        System.out.printf(Locale.ROOT, "# Generation benchmark, %s%n%n",
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(results.startedAt));
        System.out.println("| run | |");
        System.out.println("| --- | --- |");
        System.out.printf(Locale.ROOT, "| command | `%s` |%n", s.command());
        System.out.printf(Locale.ROOT, "| commit | `%s` (the checkout; the deployed EAR may be older) |%n", s.commit());
        System.out.printf(Locale.ROOT, "| machine | %s |%n", results.machine);
        System.out.printf(Locale.ROOT, "| load average at start (1/5/15 min) | %s |%n", results.loadAtStart);
        System.out.printf(Locale.ROOT, "| portal | %s (inference %s, workspace `%s`) |%n", s.api(), s.triton(), s.workspace());
        System.out.printf(Locale.ROOT, "| request | %s, %d×%d, 1 step, 1 image, seed %d |%n", s.model(),
                GenerationBenchmark.SIZE, GenerationBenchmark.SIZE, GenerationBenchmark.SEED);
        System.out.printf(Locale.ROOT, "| phases | %s |%n", String.join(", ", s.phases()));
    }

    // ---------------------------------------------------------------- 1. latency side by side

    private void sideBySide(SyncRun sync) {
        System.out.printf(Locale.ROOT, "%n## Latency per generation, side by side (ms; %d sequential rounds, each path once per round, order alternating)%n%n", sync.n);
        latencyHeader();
        latencyRow("direct `TritonClient.generate`", sync.direct);
        latencyRow("direct safety call (the worker adds it)", sync.safety);
        latencyRow("palette check, in-process (`BrandOutputCheck.check`, " + OutputSteps.PALETTE.size() + " colours)", sync.palette);
        latencyRow("C2PA signing, in-process (`ContentCredentials.signPng`)", sync.sign);
        if (results.floor != null) {
            latencyRow("durable floor: 3 commits + Artemis send/receive (own phase, " + results.floor.rounds() + " rounds)", results.floor.floor());
        }
        latencyRow("portal `POST ?mode=sync`", sync.portal);
        latencyRow("added by the portal: portal − direct generate (per round)", sync.difference);
        latencyRow("**added by the portal without the safety call: portal − generate − safety (per round)**", sync.addedMinusSafety);
        Stats added = Stats.of(sync.addedMinusSafety);
        System.out.printf(Locale.ROOT, "%n**Target: portal − generate − safety ≤ %.0f ms p50, ≤ %.0f ms p99. Measured: %.2f ms p50 (%s), %.2f ms p99 (%s).**%n",
                TARGET_P50_MS, TARGET_P99_MS, added.p50(), verdict(added.p50(), TARGET_P50_MS), added.p99(),
                verdict(added.p99(), TARGET_P99_MS));
        System.out.printf(Locale.ROOT, "%nRounds not ending 200 SUCCEEDED: %d. Images the bench's palette check would block: %d of %d. "
                        + "The bench workspace's brand policy: %s. Load average before -> after: %s.%n",
                sync.notSucceeded, sync.offBrand, sync.n, sync.workspaceBrand, sync.load);
    }

    private static String verdict(double measured, double target) {
        return measured <= target ? "met" : "missed";
    }

    private static void latencyHeader() {
        System.out.println("| path | n | p50 | p90 | p99 | mean | max |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    }

    private static void latencyRow(String label, long[] nanos) {
        Stats s = Stats.of(nanos);
        System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n", label, s.n(), s.p50(),
                s.p90(), s.p99(), s.mean(), s.max());
    }

    // ---------------------------------------------------------------- 2. the portal's step timers

    private void stepTimers(SyncRun sync) {
        String model = results.settings.model();
        System.out.printf(Locale.ROOT, "%n### The portal's step timers over the same rounds (`atelier_render_step_seconds`, model %s, ms)%n%n", model);
        if (sync.steps == null) {
            System.out.println("Not available: " + sync.stepsNote + ".");
            return;
        }
        Map<String, long[]> ours = new LinkedHashMap<>();
        ours.put("render", sync.direct);
        ours.put("check.safety", sync.safety);
        ours.put("check.brand", sync.palette);
        ours.put("sign", sync.sign);
        System.out.println("| step | count | mean | p50 (est.) | p99 (est.) | the bench's own, p50 / p99 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | --- |");
        sync.steps.forEach((step, h) -> {
            long[] own = ours.get(step);
            String bench = own == null ? "" : String.format(Locale.ROOT, "%.2f / %.2f", Stats.of(own).p50(), Stats.of(own).p99());
            System.out.printf(Locale.ROOT, "| %s | %.0f | %s | %s | %s | %s |%n", step, h.count, number(h.meanMillis()),
                    number(h.quantileMillis(0.50)), number(h.quantileMillis(0.99)), bench);
        });
        System.out.printf(Locale.ROOT, "%nDifferences of two scrapes of `GET /api/v1/metrics`, taken after the warm-up and after the %d measured rounds "
                + "(%d portal jobs of %s). Count and mean are exact (`_count`, `_sum`); **p50 and p99 are estimates from the histogram "
                + "buckets** (linear interpolation inside the bucket that holds the rank, as Prometheus' `histogram_quantile`; the lowest "
                + "bucket is taken to start at 0, and \">x\" means above the largest finite bucket). A count above %d means other jobs of "
                + "this model ran on the node meanwhile. The bench's own figures: render ~ direct generate, check.safety ~ direct safety call, "
                + "check.brand ~ palette check (format + palette; the portal's step checks the palette only when the workspace has one), "
                + "sign ~ C2PA signing.%n", sync.n, sync.n, model, sync.n);
    }

    private static String number(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis < 0 ? String.format(Locale.ROOT, ">%.2f", -millis) : String.format(Locale.ROOT, "%.2f", millis);
    }

    private static void segments(SyncRun sync) {
        System.out.printf(Locale.ROOT, "%n### Where the portal's time goes (client clock and the job's timestamps; same host, same clock; ms)%n%n");
        latencyHeader();
        latencyRow("send → createdAt (HTTP, auth, checks, until the job is built)", sync.submit);
        latencyRow("createdAt → startedAt (commit, audit, Artemis, consumer, ledger.start)", sync.queue);
        latencyRow("startedAt → finishedAt (Triton, safety, brand, sign, store, complete)", sync.render);
        latencyRow("finishedAt → response (commit notification, re-read, JSON)", sync.respond);
        latencyRow("send → finishedAt (job done, without the response)", sync.pipeline);
        latencyRow("send → finishedAt minus direct generate (per round)", sync.pipelineOverDirect);
    }

    // ---------------------------------------------------------------- 3. accepted submissions

    private void submissions(List<SubmitRun> runs) {
        var s = results.settings;
        System.out.printf(Locale.ROOT, "%n## Accepted submissions per second (async POST answered 202; %d runs per client count, %d s measured after %d s warm-up each)%n%n",
                s.runs(), s.seconds(), s.warmupSeconds());
        System.out.println("| clients | runs | accepted/s min | accepted/s median | accepted/s max | POST p50 (ms), median of runs | POST p99 (ms), median of runs |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int clients : s.clients()) {
            List<SubmitRun> mine = runs.stream().filter(r -> r.clients == clients).toList();
            if (mine.isEmpty()) {
                continue;
            }
            double[] rates = mine.stream().mapToDouble(SubmitRun::rate).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.0f | %.2f | %.2f |%n", clients, mine.size(),
                    rates[0], median(rates), rates[rates.length - 1],
                    median(mine.stream().mapToDouble(r -> Stats.ms(r.percentile(50))).toArray()),
                    median(mine.stream().mapToDouble(r -> Stats.ms(r.percentile(99))).toArray()));
        }
        System.out.printf(Locale.ROOT, "%nEvery run, in the order run (rounds of all client counts, so drift spreads over all of them):%n%n");
        System.out.println("| clients | run | accepted/s | POST p50 (ms) | POST p90 (ms) | POST p99 (ms) | accepted in window | not 202 | jobs of the run | rendered while submitting | drain after run (s) | render rate (jobs/s) | failed | left unfinished | load avg before -> after |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        for (SubmitRun run : runs) {
            Drain d = run.drain;
            System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %d | %d | %.1f | %.1f | %d | %d | %s -> %s |%n",
                    run.clients, run.repeat, run.rate(), Stats.ms(run.percentile(50)), Stats.ms(run.percentile(90)),
                    Stats.ms(run.percentile(99)), run.latencies.length, run.refusedText(), d.jobs,
                    d.finishedWhileSubmitting, d.drainSeconds, d.renderSpanSeconds > 0 ? d.jobs / d.renderSpanSeconds : 0,
                    d.failed, d.unfinished, run.loadBefore, run.loadAfter);
        }
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // ---------------------------------------------------------------- the in-process steps alone

    private void local(LocalRun run) {
        System.out.printf(Locale.ROOT, "%n## In-process output steps alone, synthetic %d×%d PNG of %,d bytes (no services; ms)%n%n",
                GenerationBenchmark.SIZE, GenerationBenchmark.SIZE, run.pngBytes);
        latencyHeader();
        latencyRow("palette check (`BrandOutputCheck.check`, " + OutputSteps.PALETTE.size() + " colours)", run.palette);
        latencyRow("C2PA signing (`ContentCredentials.signPng`)", run.sign);
        System.out.printf(Locale.ROOT, "%nA signed copy verified as %s against the trust list beside the key. Off-brand: %d of %d checks.%n",
                run.verdict, run.offBrand, run.palette.length);
    }
}
