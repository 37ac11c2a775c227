package com.atelier.bench.generation;

import com.atelier.governance.provenance.ProvenanceReport;
import com.atelier.inference.TritonClient;
import com.atelier.inference.contract.ModelCatalog;
import com.atelier.inference.contract.ModelContract;
import com.atelier.inference.image.GeneratedImage;
import com.atelier.inference.image.TextToImageRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures a running portal, in one run, by phases (BENCH_PHASES):
 * <ul>
 *   <li>{@code submit}: accepted asynchronous submissions per second with 1, 8, 32 concurrent clients, each count
 *       BENCH_RUNS times, waiting after each run until the portal's workers have rendered the backlog;</li>
 *   <li>{@code sync}: latency per generation, interleaved per round: a direct {@link TritonClient#generate}, the
 *       safety call, the brand palette check and C2PA signing of that image in-process (governance's code), and a
 *       synchronous POST through the portal; around the measured rounds the portal's per-step timers are scraped
 *       from /api/v1/metrics;</li>
 *   <li>{@code floor}: the durable hand-offs alone ({@link DurableFloor});</li>
 *   <li>{@code local}: only the in-process steps on a synthetic PNG, with no service at all (a smoke test of the
 *       signing key and the palette check).</li>
 * </ul>
 * The results are printed as Markdown for docs/benchmarks.md by {@link MarkdownReport}. Configuration comes from
 * the environment (see run.sh).
 */
public final class GenerationBenchmark {

    static final String PROMPT = "atelier benchmark lighthouse at dusk";
    static final long SEED = 7;
    static final int SIZE = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final HttpClient http;
    private final Tokens designer;
    private final Tokens admin;
    private OutputSteps outputs;

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
        Results results = new Results(settings, MachineInfo.describe(), loadAverage());
        System.out.println("generation benchmark: phases " + settings.phases() + "; " + results.machine);
        if (settings.has("sync") || settings.has("local")) {
            // before anything is measured: a missing signing key should stop the run, not its last phase
            outputs = OutputSteps.forWorkspace(settings.workspace(), settings.designerUser());
            System.out.println("in-process steps: " + outputs.describe());
        }
        if (settings.has("submit") || settings.has("sync")) {
            prepareWorkspace();
            portalPhases(results);
        }
        if (settings.has("floor")) {
            results.floor = floor();
        }
        if (settings.has("local")) {
            results.local = localSteps();
        }
        new MarkdownReport(results).print();
    }

    /** The phases that talk to the portal, with one database connection to watch its jobs. */
    private void portalPhases(Results results) throws Exception {
        try (Connection db = DriverManager.getConnection(settings.pgUrl(), settings.pgUser(), settings.pgPassword())) {
            long workspaceId = workspaceId(db);
            awaitIdle(db, workspaceId);
            if (settings.has("submit")) {
                results.submitRuns.addAll(submitPhase(db, workspaceId));
            }
            if (settings.has("sync")) {
                awaitIdle(db, workspaceId);
                String before = loadAverage();
                results.sync = overhead();
                results.sync.load = before + " -> " + loadAverage();
            }
        }
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

    /**
     * BENCH_RUNS runs for each client count, in rounds (1, 8, 32, then 1, 8, 32 again, ...) so that the machine's
     * drift over the phase (neighbours, JIT, a growing table) is spread over every count rather than one.
     */
    private List<SubmitRun> submitPhase(Connection db, long workspaceId) throws Exception {
        List<SubmitRun> runs = new ArrayList<>();
        for (int repeat = 1; repeat <= settings.runs(); repeat++) {
            for (int clients : settings.clients()) {
                SubmitRun run = submissions(clients);
                run.repeat = repeat;
                run.drain = drain(db, workspaceId, run);
                runs.add(run);
                System.out.printf(Locale.ROOT, "  run %d, %d clients: %.0f accepted/s, p50 %.2f ms, p99 %.2f ms; drained %d jobs %.1f s after the run%n",
                        repeat, clients, run.rate(), Stats.ms(run.percentile(50)), Stats.ms(run.percentile(99)),
                        run.drain.jobs, run.drain.drainSeconds);
            }
        }
        return runs;
    }

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

    // ---------------------------------------------------------------- 2. latency per generation

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
        run.workspaceBrand = workspaceBrandPolicy();
        // The same client set-up as the portal's TritonConnection: TritonClient.connect(endpoints), default settings.
        try (TritonClient triton = TritonClient.connect(List.of(settings.triton()))) {
            System.out.println("sync overhead: warm-up " + settings.syncWarmup() + " rounds");
            for (int i = 0; i < settings.syncWarmup(); i++) {
                directOnce(triton, direct);
                portalOnce(uri, body);
            }
            String before = scrapeMetrics();
            System.out.println("sync overhead: " + settings.syncN() + " interleaved rounds");
            for (int i = 0; i < settings.syncN(); i++) {
                DirectRound d;
                PortalCall p;
                // Alternate the order so that drift and "who goes first after a pause" hit both paths alike.
                if (i % 2 == 0) {
                    d = directOnce(triton, direct);
                    p = portalOnce(uri, body);
                } else {
                    p = portalOnce(uri, body);
                    d = directOnce(triton, direct);
                }
                run.record(i, d, p);
            }
            stepTimers(run, before);
        }
        return run;
    }

    /**
     * One direct generate, then what the portal's worker does to the image besides storing it, each timed apart:
     * the safety call (a second model call), the brand output check with a palette, and C2PA signing.
     */
    private DirectRound directOnce(TritonClient triton, TextToImageRequest request) {
        long t0 = System.nanoTime();
        List<GeneratedImage> images = triton.generate(request, Duration.ofMinutes(2));
        long t1 = System.nanoTime();
        GeneratedImage image = images.get(0);
        triton.checkSafety(image.png(), Duration.ofSeconds(30));
        long t2 = System.nanoTime();
        OutputSteps.BrandCheck brand = outputs.timePaletteCheck(image.png(), image.width(), image.height());
        long sign = outputs.timeSigning(image.png(), image.model(), image.modelVersion());
        return new DirectRound(t1 - t0, t2 - t1, brand, sign);
    }

    // ---------------------------------------------------------------- the portal's own step timers

    /**
     * The metrics endpoint's text, or null when it cannot be read (the run goes on without the step table). Waits
     * half a second first: a job's last timer is recorded after its commit, which may already have woken the
     * synchronous request that was waiting for it.
     */
    private String scrapeMetrics() throws InterruptedException {
        Thread.sleep(500);
        try {
            HttpResponse<String> response = http.send(request("/metrics", admin).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return response.body();
            }
            System.out.println("  WARNING: GET /metrics answered " + response.statusCode() + "; no step timers");
        } catch (IOException e) {
            System.out.println("  WARNING: GET /metrics failed (" + e.getMessage() + "); no step timers");
        }
        return null;
    }

    /** The timers' growth over the measured rounds, for the benchmark's model. */
    private void stepTimers(SyncRun run, String before) throws InterruptedException {
        String after = scrapeMetrics();
        if (before == null || after == null) {
            run.stepsNote = "the metrics endpoint could not be read";
            return;
        }
        StepMetrics end = StepMetrics.parse(after, settings.model());
        if (end.isEmpty()) {
            run.stepsNote = "no " + StepMetrics.METRIC + " series for model " + settings.model()
                    + " on /metrics (a portal older than the step timers?)";
            return;
        }
        run.steps = end.since(StepMetrics.parse(before, settings.model()));
    }

    /**
     * The bench workspace's brand policy as the portal's check.brand sees it: with no palette there, that step is
     * the format check alone, while the bench's palette check also measures the colours.
     */
    private String workspaceBrandPolicy() {
        try {
            HttpResponse<String> response = http.send(request("/workspaces/" + settings.workspace() + "/brand-policy",
                    admin).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "unknown (GET brand-policy answered " + response.statusCode() + ")";
            }
            JsonNode policy = JSON.readTree(response.body());
            int colours = policy.path("policy").path("palette").size();
            return colours == 0 ? "no palette (version " + policy.path("version").asInt() + "): the portal's check.brand is the format check only"
                    : "a palette of " + colours + " colours (version " + policy.path("version").asInt() + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    // ---------------------------------------------------------------- 3. the durable floor, 4. in-process only

    private DurableFloor.Result floor() throws Exception {
        DurableFloor.Settings floor = DurableFloor.Settings.fromEnvironment();
        System.out.println("durable floor: " + floor.rounds() + " rounds after " + floor.warmup() + " warm-up");
        return DurableFloor.measure(floor);
    }

    /** The palette check and signing on a synthetic 512×512 render, no service needed: a smoke test of both. */
    private LocalRun localSteps() throws IOException {
        byte[] png = syntheticRender(SIZE);
        LocalRun run = new LocalRun(settings.syncN(), png.length);
        ProvenanceReport verified = outputs.signAndVerify(png, settings.model(), "local");
        run.verdict = verified.verdict() + (verified.problems().isEmpty() ? "" : " " + verified.problems());
        System.out.println("in-process steps on a synthetic PNG of " + png.length + " bytes: signed and verified "
                + run.verdict + "; warm-up " + settings.syncWarmup() + ", then " + settings.syncN() + " rounds");
        for (int i = -settings.syncWarmup(); i < settings.syncN(); i++) {
            OutputSteps.BrandCheck brand = outputs.timePaletteCheck(png, SIZE, SIZE);
            long sign = outputs.timeSigning(png, settings.model(), "local");
            if (i >= 0) {
                run.palette[i] = brand.nanos();
                run.sign[i] = sign;
                run.offBrand += brand.blocked() ? 1 : 0;
            }
        }
        return run;
    }

    /** Gradients, a disc and mild noise: compresses like a smooth render (see the brand-safety benchmark). */
    private static byte[] syntheticRender(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(SEED);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean disc = Math.hypot(x - size / 2.0, y - size / 2.0) < size / 4.0;
                int r = disc ? 228 : x * 255 / size;
                int g = disc ? 87 : y * 255 / size;
                int b = Math.max(0, Math.min(255, 128 + noise.nextInt(9) - 4));
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
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

    // ---------------------------------------------------------------- what the phases measured

    /** Everything one run measured, for the report; a phase that did not run leaves its part empty. */
    static final class Results {
        final Settings settings;
        final String machine;
        final String loadAtStart;
        final Instant startedAt = Instant.now();
        final List<SubmitRun> submitRuns = new ArrayList<>();
        SyncRun sync;
        DurableFloor.Result floor;
        LocalRun local;

        Results(Settings settings, String machine, String loadAtStart) {
            this.settings = settings;
            this.machine = machine;
            this.loadAtStart = loadAtStart;
        }
    }

    static final class SubmitRun {
        final int clients;
        final int seconds;
        final LongAdder submittedTotal = new LongAdder();
        final Map<Integer, LongAdder> refused = new ConcurrentHashMap<>();
        int repeat;
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
            return Stats.percentile(latencies, percent);
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

    static final class Drain {
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

    /** One round's direct path, in nanoseconds: generate, safety call, palette check, signing. */
    private record DirectRound(long generate, long safety, OutputSteps.BrandCheck brand, long sign) {
    }

    /** The sync phase: one entry per interleaved round in every array (nanoseconds). */
    static final class SyncRun {
        final int n;
        final long[] direct;
        final long[] safety;
        final long[] palette;
        final long[] sign;
        final long[] portal;
        final long[] difference;
        final long[] addedMinusSafety;
        final long[] submit;
        final long[] queue;
        final long[] render;
        final long[] respond;
        final long[] pipeline;
        final long[] pipelineOverDirect;
        int notSucceeded;
        int offBrand;
        String load;
        String workspaceBrand;
        Map<String, StepMetrics.Histogram> steps;
        String stepsNote;

        SyncRun(int n) {
            this.n = n;
            direct = new long[n];
            safety = new long[n];
            palette = new long[n];
            sign = new long[n];
            portal = new long[n];
            difference = new long[n];
            addedMinusSafety = new long[n];
            submit = new long[n];
            queue = new long[n];
            render = new long[n];
            respond = new long[n];
            pipeline = new long[n];
            pipelineOverDirect = new long[n];
        }

        private void record(int i, DirectRound d, PortalCall p) {
            direct[i] = d.generate();
            safety[i] = d.safety();
            palette[i] = d.brand().nanos();
            offBrand += d.brand().blocked() ? 1 : 0;
            sign[i] = d.sign();
            portal[i] = p.nanos;
            difference[i] = p.nanos - d.generate();
            // the portal's own share: the safety call is a second model call the direct generate does not make
            addedMinusSafety[i] = p.nanos - d.generate() - d.safety();
            submit[i] = p.submit;
            queue[i] = p.queue;
            render[i] = p.render;
            respond[i] = p.respond;
            pipeline[i] = p.submit + p.queue + p.render;
            pipelineOverDirect[i] = pipeline[i] - d.generate();
            if (!p.ok) {
                notSucceeded++;
            }
        }
    }

    /** The in-process steps alone on a synthetic PNG (phase "local"). */
    static final class LocalRun {
        final long[] palette;
        final long[] sign;
        final int pngBytes;
        String verdict;
        int offBrand;

        LocalRun(int n, int pngBytes) {
            this.palette = new long[n];
            this.sign = new long[n];
            this.pngBytes = pngBytes;
        }
    }

    record Settings(String api, String keycloak, String realm, String triton, String pgUrl, String pgUser,
                    String pgPassword, String adminUser, String designerUser, String password, String workspace,
                    String model, List<Integer> clients, int runs, int warmupSeconds, int seconds,
                    int drainTimeoutSeconds, int syncN, int syncWarmup, List<String> phases, String commit,
                    String command) {

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
                    Math.max(1, Math.min(10, Integer.parseInt(env("BENCH_RUNS", "3")))),
                    Math.min(30, Integer.parseInt(env("BENCH_WARMUP_S", "3"))),
                    Math.min(60, Integer.parseInt(env("BENCH_SECONDS", "10"))),
                    Math.min(600, Integer.parseInt(env("BENCH_DRAIN_TIMEOUT_S", "300"))),
                    Math.max(1, Math.min(2000, Integer.parseInt(env("BENCH_SYNC_N", "200")))),
                    Math.min(200, Integer.parseInt(env("BENCH_SYNC_WARMUP", "20"))),
                    Arrays.stream(env("BENCH_PHASES", "submit,sync,floor").split(",")).map(String::strip).toList(),
                    env("BENCH_COMMIT", "unknown"),
                    env("BENCH_COMMAND", "bench/generation/run.sh"));
        }

        boolean has(String phase) {
            return phases.contains(phase);
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
