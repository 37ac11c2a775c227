package com.atelier.bench.generation;

import com.atelier.inference.TritonClient;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.image.GeneratedImage;
import com.atelier.inference.image.TextToImageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures a running portal: (1) accepted asynchronous submissions per second with 1, 8, 32 concurrent clients,
 * waiting after each run until the portal's workers have rendered the backlog (and reporting how long that took),
 * and (2) the portal's added latency per generation: a synchronous POST through the portal against a direct
 * {@link TritonClient#generate} call with the same parameters to the same inference server, interleaved.
 * Configuration comes from the environment (see run.sh).
 */
public final class GenerationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "atelier benchmark lighthouse at dusk";
    private static final long SEED = 7;
    private static final int SIZE = 512;

    private final Settings settings;
    private final HttpClient http;
    private final Tokens designer;
    private final Tokens admin;

    private GenerationBenchmark(Settings settings) {
        this.settings = settings;
        // HTTP/1.1 with keep-alive, as a typical API client; no h2c upgrade attempts.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.designer = new Tokens(settings.designerUser());
        this.admin = new Tokens(settings.adminUser());
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromEnvironment();
        new GenerationBenchmark(settings).run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "machine: %d cores visible to the JVM, %s %s; checkout at commit %s (the deployed EAR may be older)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), settings.commit());
        System.out.printf(Locale.ROOT, "portal %s, keycloak %s, inference %s, workspace %s, model %s %dx%d steps 1 count 1%n",
                settings.api(), settings.keycloak(), settings.triton(), settings.workspace(), settings.model(), SIZE, SIZE);
        prepareWorkspace();
        List<SubmitRun> submitRuns = new ArrayList<>();
        SyncRun syncRun = null;
        try (Connection db = DriverManager.getConnection(settings.pgUrl(), settings.pgUser(), settings.pgPassword())) {
            long workspaceId = workspaceId(db);
            awaitIdle(db, workspaceId);
            if (settings.phases().contains("submit")) {
                for (int clients : settings.clients()) {
                    SubmitRun run = submissions(clients);
                    run.drain = drain(db, workspaceId, run);
                    submitRuns.add(run);
                    System.out.printf(Locale.ROOT, "  %d clients: %.0f accepted/s, p50 %.2f ms, p99 %.2f ms; drained %d jobs %.1f s after the run%n",
                            clients, run.rate(), ms(run.percentile(50)), ms(run.percentile(99)), run.drain.jobs, run.drain.drainSeconds);
                }
            }
            if (settings.phases().contains("sync")) {
                awaitIdle(db, workspaceId);
                String before = loadAverage();
                syncRun = overhead();
                syncRun.load = before + " -> " + loadAverage();
            }
        }
        report(submitRuns, syncRun);
    }

    // ---------------------------------------------------------------- setup

    private void prepareWorkspace() throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("slug", settings.workspace(),
                "name", "Generation benchmark", "description", "bench/generation: submission and overhead runs"));
        HttpResponse<String> created = http.send(request("/workspaces", admin).POST(body(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("creating workspace " + settings.workspace() + ": " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> member = http.send(request("/workspaces/" + settings.workspace() + "/members/"
                        + URLEncoder.encode(settings.designerUser(), StandardCharsets.UTF_8), admin)
                .PUT(body("{\"role\":\"designer\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (member.statusCode() / 100 != 2) {
            throw new IllegalStateException("granting membership: " + member.statusCode() + " " + member.body());
        }
        // the benchmark measures acceptance, not the limits: raise the workspace's own quota and in-flight limit
        HttpResponse<String> quota = http.send(request("/workspaces/" + settings.workspace() + "/quota", admin)
                .PUT(body("{\"dailyImageQuota\":1000000,\"jobsInFlightPerUser\":100000}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (quota.statusCode() != 200) {
            throw new IllegalStateException("raising the workspace's limits: " + quota.statusCode() + " " + quota.body());
        }
        System.out.printf(Locale.ROOT, "workspace %s %s; %s is a designer in it; limits %s%n", settings.workspace(),
                created.statusCode() == 201 ? "created" : "exists", settings.designerUser(), quota.body());
    }

    private long workspaceId(Connection db) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT id FROM workspace WHERE slug = ?")) {
            select.setString(1, settings.workspace());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("workspace " + settings.workspace() + " is not in the database");
                }
                return row.getLong(1);
            }
        }
    }

    /**
     * Waits (bounded) until no job of the benchmark's workspace is queued or running, so a measurement starts
     * quiet, and says how many jobs of other workspaces (other people's tests) are unfinished.
     */
    private void awaitIdle(Connection db, long workspaceId) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.drainTimeoutSeconds()).toNanos();
        long pending;
        while ((pending = unfinishedJobs(db, workspaceId, Instant.EPOCH)) > 0 && System.nanoTime() < deadline) {
            System.out.println("  waiting for " + pending + " unfinished jobs of " + settings.workspace() + " before measuring");
            Thread.sleep(2000);
        }
        if (pending > 0) {
            System.out.println("  WARNING: " + pending + " jobs of " + settings.workspace() + " still unfinished; measuring anyway");
        }
        long others = unfinishedJobs(db, null, null) - pending;
        if (others > 0) {
            System.out.println("  note: " + others + " jobs of other workspaces are queued or running");
        }
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, so every figure says how busy it was. */
    static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + "/" + parts[1] + "/" + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static long unfinishedJobs(Connection db, Long workspaceId, Instant since) throws SQLException {
        String sql = "SELECT count(*) FROM generation_job WHERE state IN ('QUEUED', 'RUNNING')"
                + (workspaceId == null ? "" : " AND workspace_id = ? AND created_at >= ?");
        try (PreparedStatement select = db.prepareStatement(sql)) {
            if (workspaceId != null) {
                select.setLong(1, workspaceId);
                select.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- 1. submissions per second

    private SubmitRun submissions(int clients) throws Exception {
        byte[] body = JSON.writeValueAsBytes(generationBody());
        URI uri = URI.create(settings.api() + "/workspaces/" + settings.workspace() + "/generations");
        SubmitRun run = new SubmitRun(clients, settings.seconds());
        run.loadBefore = loadAverage();
        run.started = Instant.now();
        long warmEnd = System.nanoTime() + Duration.ofSeconds(settings.warmupSeconds()).toNanos();
        long end = warmEnd + Duration.ofSeconds(settings.seconds()).toNanos();
        List<Thread> threads = new ArrayList<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] lastDone = new long[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                KeepAlivePoster poster = new KeepAlivePoster(uri);
                long[] mine = new long[4096];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    int status;
                    try {
                        status = poster.post(designer.bearer(), body);
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long t1 = System.nanoTime();
                    if (status == 202) {
                        run.submittedTotal.increment();
                    }
                    if (t0 >= warmEnd) {
                        if (status == 202) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                            lastDone[client] = t1;
                        } else {
                            run.refused.computeIfAbsent(status, s -> new LongAdder()).increment();
                        }
                    }
                }
                poster.close();
                latencies[client] = mine;
                counts[client] = n;
            }, "submitter-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        run.ended = Instant.now();
        run.loadAfter = loadAverage();
        long last = warmEnd;
        List<long[]> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            parts.add(Arrays.copyOf(latencies[c], counts[c]));
            last = Math.max(last, lastDone[c]);
        }
        run.latencies = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        run.windowSeconds = Math.max(settings.seconds(), (last - warmEnd) / 1e9);
        return run;
    }

    private Drain drain(Connection db, long workspaceId, SubmitRun run) throws SQLException, InterruptedException {
        Instant submitEnd = run.ended;
        long deadline = System.nanoTime() + Duration.ofSeconds(settings.drainTimeoutSeconds()).toNanos();
        long pending;
        while ((pending = unfinishedJobs(db, workspaceId, run.started)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Drain drain = new Drain();
        drain.drainSeconds = Duration.between(submitEnd, Instant.now()).toNanos() / 1e9;
        drain.unfinished = pending;
        try (PreparedStatement select = db.prepareStatement("""
                SELECT count(*),
                       count(*) FILTER (WHERE state = 'SUCCEEDED'),
                       count(*) FILTER (WHERE state = 'FAILED'),
                       count(*) FILTER (WHERE finished_at <= ?),
                       EXTRACT(EPOCH FROM max(finished_at) - min(started_at)),
                       EXTRACT(EPOCH FROM max(finished_at) - ?::timestamptz)
                FROM generation_job WHERE workspace_id = ? AND created_at >= ?""")) {
            select.setObject(1, OffsetDateTime.ofInstant(submitEnd, ZoneOffset.UTC));
            select.setObject(2, OffsetDateTime.ofInstant(submitEnd, ZoneOffset.UTC));
            select.setLong(3, workspaceId);
            select.setObject(4, OffsetDateTime.ofInstant(run.started, ZoneOffset.UTC));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                drain.jobs = row.getLong(1);
                drain.succeeded = row.getLong(2);
                drain.failed = row.getLong(3);
                drain.finishedWhileSubmitting = row.getLong(4);
                drain.renderSpanSeconds = row.getDouble(5);
                drain.lastFinishAfterRunSeconds = row.getDouble(6);
            }
        }
        return drain;
    }

    // ---------------------------------------------------------------- 2. added latency per generation

    private SyncRun overhead() throws Exception {
        ModelContract contract = ModelCatalog.find(settings.model()).orElseThrow();
        // Exactly what the portal's worker sends for this spec (TritonRenderings.batch): the server fills the
        // defaults the same way (scheduler "" means the model's default, guidance unset means the default).
        TextToImageRequest direct = TextToImageRequest.builder(settings.model(), PROMPT)
                .negativePrompt("").seed(SEED).size(SIZE, SIZE).count(1).scheduler("").steps(1)
                .build(contract.limits().orElseThrow());
        byte[] body = JSON.writeValueAsBytes(generationBody());
        URI uri = URI.create(settings.api() + "/workspaces/" + settings.workspace() + "/generations?mode=sync");
        SyncRun run = new SyncRun(settings.syncN());
        // The same client set-up as the portal's TritonConnection: TritonClient.connect(endpoints), default settings.
        try (TritonClient triton = TritonClient.connect(List.of(settings.triton()))) {
            System.out.println("sync overhead: warm-up " + settings.syncWarmup() + " rounds");
            for (int i = 0; i < settings.syncWarmup(); i++) {
                directOnce(triton, direct);
                portalOnce(uri, body);
            }
            System.out.println("sync overhead: " + settings.syncN() + " interleaved rounds");
            for (int i = 0; i < settings.syncN(); i++) {
                long[] d;
                PortalCall p;
                // Alternate the order so that drift and "who goes first after a pause" hit both paths alike.
                if (i % 2 == 0) {
                    d = directOnce(triton, direct);
                    p = portalOnce(uri, body);
                } else {
                    p = portalOnce(uri, body);
                    d = directOnce(triton, direct);
                }
                run.direct[i] = d[0];
                run.safety[i] = d[1];
                run.portal[i] = p.nanos;
                run.difference[i] = p.nanos - d[0];
                run.submit[i] = p.submit;
                run.queue[i] = p.queue;
                run.render[i] = p.render;
                run.respond[i] = p.respond;
                run.pipeline[i] = p.submit + p.queue + p.render;
                run.pipelineOverDirect[i] = run.pipeline[i] - d[0];
                if (!p.ok) {
                    run.notSucceeded++;
                }
            }
        }
        return run;
    }

    /** One direct generate (timed), then the safety check the portal's worker adds (timed apart). */
    private long[] directOnce(TritonClient triton, TextToImageRequest request) {
        long t0 = System.nanoTime();
        List<GeneratedImage> images = triton.generate(request, Duration.ofMinutes(2));
        long t1 = System.nanoTime();
        triton.checkSafety(images.get(0).png(), Duration.ofSeconds(30));
        long t2 = System.nanoTime();
        return new long[] {t1 - t0, t2 - t1};
    }

    private PortalCall portalOnce(URI uri, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + designer.bearer())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        Instant sentAt = Instant.now();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long t1 = System.nanoTime();
        Instant receivedAt = sentAt.plusNanos(t1 - t0);
        PortalCall call = new PortalCall();
        call.nanos = t1 - t0;
        JsonNode job = JSON.readTree(response.body());
        call.ok = response.statusCode() == 200 && "SUCCEEDED".equals(job.path("state").asText());
        if (job.hasNonNull("createdAt") && job.hasNonNull("startedAt") && job.hasNonNull("finishedAt")) {
            Instant created = Instant.parse(job.get("createdAt").asText());
            Instant started = Instant.parse(job.get("startedAt").asText());
            Instant finished = Instant.parse(job.get("finishedAt").asText());
            call.submit = Duration.between(sentAt, created).toNanos();
            call.queue = Duration.between(created, started).toNanos();
            call.render = Duration.between(started, finished).toNanos();
            call.respond = Duration.between(finished, receivedAt).toNanos();
        }
        return call;
    }

    private Map<String, Object> generationBody() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("models", List.of(settings.model()));
        body.put("prompt", PROMPT);
        body.put("width", SIZE);
        body.put("height", SIZE);
        body.put("steps", 1);
        body.put("count", 1);
        body.put("seed", SEED);
        return body;
    }

    // ---------------------------------------------------------------- report

    private void report(List<SubmitRun> submitRuns, SyncRun sync) {
        System.out.println();
        if (!submitRuns.isEmpty()) {
            System.out.printf(Locale.ROOT, "## 1. Accepted submissions (async POST, 202), %d s measured after %d s warm-up%n%n",
                    settings.seconds(), settings.warmupSeconds());
            System.out.println("| clients | accepted/s | POST p50 (ms) | POST p90 (ms) | POST p99 (ms) | accepted in window | not 202 | jobs of the run | rendered while submitting | drain after run (s) | render rate (jobs/s) | failed | left unfinished | load avg before -> after |");
            System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            for (SubmitRun run : submitRuns) {
                Drain d = run.drain;
                System.out.printf(Locale.ROOT, "| %d | %.0f | %.2f | %.2f | %.2f | %d | %s | %d | %d | %.1f | %.1f | %d | %d | %s -> %s |%n",
                        run.clients, run.rate(), ms(run.percentile(50)), ms(run.percentile(90)), ms(run.percentile(99)),
                        run.latencies.length, run.refusedText(), d.jobs, d.finishedWhileSubmitting, d.drainSeconds,
                        d.renderSpanSeconds > 0 ? d.jobs / d.renderSpanSeconds : 0, d.failed, d.unfinished, run.loadBefore, run.loadAfter);
            }
            System.out.println();
        }
        if (sync != null) {
            System.out.printf(Locale.ROOT, "## 2. Latency per generation, %d sequential interleaved rounds (ms)%n%n", sync.n);
            System.out.println("| path | p50 | p90 | p99 | mean | max |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            row("direct TritonClient.generate", sync.direct);
            row("direct safety check (worker adds it)", sync.safety);
            row("portal POST ?mode=sync", sync.portal);
            row("difference portal - direct (per round)", sync.difference);
            System.out.println();
            System.out.println("Where the portal's time goes (client clock and job timestamps; same host, same clock):");
            System.out.println();
            System.out.println("| segment | p50 | p90 | p99 | mean | max |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
            row("send -> createdAt (HTTP, auth, checks, until the job is built)", sync.submit);
            row("createdAt -> startedAt (commit, audit, Artemis, consumer, ledger.start)", sync.queue);
            row("startedAt -> finishedAt (Triton, safety, store, complete)", sync.render);
            row("finishedAt -> response (commit notification, re-read, JSON)", sync.respond);
            row("send -> finishedAt (job done, without the poll)", sync.pipeline);
            row("send -> finishedAt minus direct generate (per round)", sync.pipelineOverDirect);
            System.out.println();
            System.out.println("rounds not ending 200 SUCCEEDED: " + sync.notSucceeded + "; load average before -> after: " + sync.load);
        }
    }

    private static void row(String label, long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", label,
                ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), mean / 1e6,
                ms(sorted[sorted.length - 1]));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Nearest-rank percentile of a sorted array. */
    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1))];
    }

    // ---------------------------------------------------------------- plumbing

    private HttpRequest.Builder request(String path, Tokens tokens) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(settings.api() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokens.bearer())
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    /** Password-grant tokens from the public client, renewed well before Keycloak's 300 s lifetime ends. */
    private final class Tokens {
        private final String user;
        private String token;
        private long renewAt;

        Tokens(String user) {
            this.user = user;
        }

        synchronized String bearer() throws IOException, InterruptedException {
            if (token == null || System.nanoTime() >= renewAt) {
                String form = "grant_type=password&client_id=atelier-api&username="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(settings.password(), StandardCharsets.UTF_8);
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.keycloak()
                                        + "/realms/" + settings.realm() + "/protocol/openid-connect/token"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("token for " + user + ": " + response.statusCode() + " " + response.body());
                }
                JsonNode json = JSON.readTree(response.body());
                token = json.get("access_token").asText();
                long lifetime = json.path("expires_in").asLong(300);
                renewAt = System.nanoTime() + Duration.ofSeconds(Math.max(10, lifetime - 60)).toNanos();
            }
            return token;
        }
    }

    private static final class SubmitRun {
        final int clients;
        final int seconds;
        final LongAdder submittedTotal = new LongAdder();
        final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
        Instant started;
        Instant ended;
        String loadBefore;
        String loadAfter;
        long[] latencies = new long[0];
        double windowSeconds;
        Drain drain;

        SubmitRun(int clients, int seconds) {
            this.clients = clients;
            this.seconds = seconds;
        }

        double rate() {
            return latencies.length / windowSeconds;
        }

        long percentile(int percent) {
            return GenerationBenchmark.percentile(latencies, percent);
        }

        String refusedText() {
            if (refused.isEmpty()) {
                return "0";
            }
            Map<Integer, Long> sorted = new TreeMap<>();
            refused.forEach((status, count) -> sorted.put(status, count.sum()));
            return sorted.toString();
        }
    }

    private static final class Drain {
        long jobs;
        long succeeded;
        long failed;
        long finishedWhileSubmitting;
        long unfinished;
        double drainSeconds;
        double renderSpanSeconds;
        double lastFinishAfterRunSeconds;
    }

    private static final class PortalCall {
        long nanos;
        long submit;
        long queue;
        long render;
        long respond;
        boolean ok;
    }

    private static final class SyncRun {
        final int n;
        final long[] direct;
        final long[] safety;
        final long[] portal;
        final long[] difference;
        final long[] submit;
        final long[] queue;
        final long[] render;
        final long[] respond;
        final long[] pipeline;
        final long[] pipelineOverDirect;
        int notSucceeded;
        String load;

        SyncRun(int n) {
            this.n = n;
            direct = new long[n];
            safety = new long[n];
            portal = new long[n];
            difference = new long[n];
            submit = new long[n];
            queue = new long[n];
            render = new long[n];
            respond = new long[n];
            pipeline = new long[n];
            pipelineOverDirect = new long[n];
        }
    }

    record Settings(String api, String keycloak, String realm, String triton, String pgUrl, String pgUser,
                    String pgPassword, String adminUser, String designerUser, String password, String workspace,
                    String model, List<Integer> clients, int warmupSeconds, int seconds, int drainTimeoutSeconds,
                    int syncN, int syncWarmup, List<String> phases, String commit) {

        static Settings fromEnvironment() {
            return new Settings(
                    env("ATELIER_URL", "http://localhost:8080/api/v1").replaceAll("/+$", ""),
                    env("KEYCLOAK_URL", "http://localhost:8180").replaceAll("/+$", ""),
                    env("KEYCLOAK_REALM", "atelier"),
                    env("TRITON_ENDPOINT", "127.0.0.1:8001"),
                    env("PG_URL", "jdbc:postgresql://127.0.0.1:5432/atelier"),
                    env("PG_USER", "atelier"),
                    env("PG_PASSWORD", "atelier"),
                    env("ADMIN_USER", "admin"),
                    env("DESIGNER_USER", "designer"),
                    env("DEMO_PASSWORD", "demo"),
                    env("BENCH_WORKSPACE", "bench-generation"),
                    env("BENCH_MODEL", "flux2"),
                    Arrays.stream(env("BENCH_CLIENTS", "1,8,32").split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).map(Integer::parseInt).toList(),
                    // bounded: a run never measures for more than 60 s nor drains for more than 10 min
                    Math.min(30, Integer.parseInt(env("BENCH_WARMUP_S", "3"))),
                    Math.min(60, Integer.parseInt(env("BENCH_SECONDS", "10"))),
                    Math.min(600, Integer.parseInt(env("BENCH_DRAIN_TIMEOUT_S", "300"))),
                    Math.min(2000, Integer.parseInt(env("BENCH_SYNC_N", "200"))),
                    Math.min(200, Integer.parseInt(env("BENCH_SYNC_WARMUP", "20"))),
                    Arrays.stream(env("BENCH_PHASES", "submit,sync").split(",")).map(String::strip).toList(),
                    env("BENCH_COMMIT", "unknown"));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
