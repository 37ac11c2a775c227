package com.atelier.sdk;

import com.atelier.sdk.http.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An in-process stand-in for Keycloak's token endpoint and the portal's /api/v1, on an ephemeral port, with
 * faults on request. Jobs finish after {@link #pollsUntilDone} polls; a model named {@value #UNSAFE_MODEL} yields
 * blocked images. Every request is recorded, so tests can check what the SDK sent. Register it as a JUnit
 * extension ({@code @RegisterExtension final FakePortal portal = new FakePortal();}) to stop it after each test.
 */
public final class FakePortal implements AutoCloseable, AfterEachCallback {

    public static final String WORKSPACE = "brand-studio";
    public static final String FORBIDDEN_WORKSPACE = "secret-studio";
    public static final String UNSAFE_MODEL = "unsafe";
    public static final String USER = "designer";
    public static final String PASSWORD = "demo";
    public static final String CLIENT_ID = "pipeline-bot";
    public static final String CLIENT_SECRET = "s3cret";

    /** One request as the server saw it. */
    public record Seen(String method, String path, Map<String, String> query, Map<String, String> headers,
                       String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, Object body, Map<String, String> headers) {
            return new Reply(status, "application/json", write(body), headers);
        }
    }

    private record Rule(String method, String pathFragment, Fault fault) {
    }

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each exchange then waits
        // ~40 ms for a delayed ACK. Read once when the server classes load, so it is set before the first server.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Pattern JOB = Pattern.compile("/api/v1/workspaces/([^/]+)/generations(?:/([^/]+))?");
    private static final Pattern ASSETS = Pattern.compile("/api/v1/workspaces/([^/]+)/assets(?:/([^/]+)(/content|/preview|/tags/([^/]+))?)?");

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Rule> faults = new ArrayDeque<>();
    private final Set<String> validTokens = new LinkedHashSet<>();
    private final Set<String> validRefreshTokens = new LinkedHashSet<>();
    private final List<String> grants = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
    private final Map<String, Integer> polls = new LinkedHashMap<>();
    private final Map<String, String> jobsByKey = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> assets = new LinkedHashMap<>();
    private int issued;
    private int requestIds;

    public volatile int pollsUntilDone = 1;
    public volatile String nextFailure;
    public volatile long tokenLifetimeSeconds = 300;

    public FakePortal() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::dispatch);
        server.start();
    }

    public URI apiUrl() {
        return URI.create(origin() + "/api/v1");
    }

    public URI keycloakUrl() {
        return URI.create(origin());
    }

    /** A client that signs in as {@value #USER} and retries and polls in milliseconds, not seconds. */
    public AtelierClient.Builder client() {
        return AtelierClient.builder().url(apiUrl()).keycloakUrl(keycloakUrl()).password(USER, PASSWORD)
                .retry(new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)))
                .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20));
    }

    /** The next request whose method matches and whose path contains {@code pathFragment} gets {@code fault}. */
    public synchronized FakePortal failNext(String method, String pathFragment, Fault fault) {
        faults.add(new Rule(method, pathFragment, fault));
        return this;
    }

    public List<Seen> requests(String method, String pathFragment) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().contains(pathFragment)).toList();
    }

    public List<String> grants() {
        return List.copyOf(grants);
    }

    public synchronized int jobCount() {
        return jobs.size();
    }

    public synchronized void revokeTokens() {
        validTokens.clear();
    }

    public static byte[] png(String assetId) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] id = assetId.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(signature, signature.length + id.length);
        System.arraycopy(id, 0, bytes, signature.length, id.length);
        return bytes;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private synchronized void dispatch(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    query(exchange.getRequestURI().getRawQuery()), headers(exchange), body);
            seen.add(request);
            Fault fault = takeFault(request);
            if (fault != null && fault.kind() == Fault.Kind.DROP_BEFORE_HANDLING) {
                return; // closing an exchange that sent no headers closes the connection
            }
            Reply reply = fault != null && fault.kind() != Fault.Kind.DROP_AFTER_HANDLING ? faultReply(fault)
                    : handle(request);
            if (fault != null && fault.kind() == Fault.Kind.DROP_AFTER_HANDLING) {
                return;
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
        } finally {
            exchange.close();
        }
    }

    private Fault takeFault(Seen request) {
        for (Rule rule : faults) {
            if (rule.method().equals(request.method()) && request.path().contains(rule.pathFragment())) {
                faults.remove(rule);
                return rule.fault();
            }
        }
        return null;
    }

    private Reply faultReply(Fault fault) {
        if (fault.kind() == Fault.Kind.PLAIN_TEXT) {
            return new Reply(fault.status(), "text/html", fault.detail().getBytes(StandardCharsets.UTF_8), Map.of());
        }
        return problem(fault.status(), fault.title(), fault.detail(), fault.field(),
                fault.retryAfterSeconds() == null ? Map.of() : Map.of("Retry-After", fault.retryAfterSeconds().toString()));
    }

    private Reply handle(Seen request) {
        if (request.path().equals("/realms/atelier/protocol/openid-connect/token")) {
            return token(form(request.body()));
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !validTokens.contains(authorization.replaceFirst("^Bearer ", ""))) {
            return problem(401, "Not signed in", "Send a bearer token from Keycloak.", null,
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        String path = request.path();
        if (path.equals("/api/v1/me")) {
            return Reply.json(200, Map.of("userId", "u-1", "roles", List.of("designer"),
                    "workspaces", List.of(workspace()), "addedInALaterVersion", true), Map.of());
        }
        if (path.equals("/api/v1/workspaces")) {
            return Reply.json(200, List.of(workspace()), Map.of());
        }
        if (path.contains("/workspaces/" + FORBIDDEN_WORKSPACE + "/")) {
            return problem(403, "Forbidden", "You are not a member of workspace " + FORBIDDEN_WORKSPACE + ".", null,
                    Map.of());
        }
        Matcher job = JOB.matcher(path);
        if (job.matches()) {
            return generations(request, job.group(2));
        }
        Matcher asset = ASSETS.matcher(path);
        if (asset.matches()) {
            return assets(request, asset.group(2), asset.group(3), asset.group(4));
        }
        return problem(404, "Not found", "No resource at " + path + ".", null, Map.of());
    }

    private Reply token(Map<String, String> form) {
        String grant = form.get("grant_type");
        grants.add(grant);
        boolean accepted = switch (grant) {
            case "password" -> "atelier-api".equals(form.get("client_id")) && USER.equals(form.get("username"))
                    && PASSWORD.equals(form.get("password"));
            case "client_credentials" -> CLIENT_ID.equals(form.get("client_id"))
                    && CLIENT_SECRET.equals(form.get("client_secret"));
            case "refresh_token" -> validRefreshTokens.remove(form.get("refresh_token"));
            default -> false;
        };
        if (!accepted) {
            return Reply.json(401, Map.of("error", "invalid_grant", "error_description", "Invalid user credentials"),
                    Map.of());
        }
        issued++;
        String access = "at-" + issued;
        validTokens.add(access);
        Map<String, Object> token = new LinkedHashMap<>(Map.of("access_token", access, "token_type", "Bearer",
                "expires_in", tokenLifetimeSeconds));
        if (!grant.equals("client_credentials")) {
            String refresh = "rt-" + issued;
            validRefreshTokens.add(refresh);
            token.put("refresh_token", refresh);
            token.put("refresh_expires_in", 1800);
        }
        return Reply.json(200, token, Map.of());
    }

    private Reply generations(Seen request, String id) {
        if (request.method().equals("POST")) {
            return submit(request);
        }
        Map<String, Object> job = jobs.get(id);
        if (job == null) {
            return problem(404, "Not found", "No job " + id + " in this workspace.", null, Map.of());
        }
        if (request.method().equals("DELETE")) {
            if (!job.get("state").equals("QUEUED")) {
                return problem(409, "Conflict", "Job " + id + " is " + job.get("state") + "; only a queued job can be"
                        + " cancelled.", null, Map.of());
            }
            job.put("state", "CANCELLED");
            return Reply.json(200, job, Map.of());
        }
        int seenPolls = polls.merge(id, 1, Integer::sum);
        if (job.get("state").equals("QUEUED") || job.get("state").equals("RUNNING")) {
            if (seenPolls >= pollsUntilDone) {
                finish(job);
            } else {
                job.put("state", "RUNNING");
            }
        }
        return Reply.json(200, job, Map.of());
    }

    private Reply submit(Seen request) {
        String key = request.header("Idempotency-Key");
        if (key != null && jobsByKey.containsKey(key)) {
            return Reply.json(202, jobs.get(jobsByKey.get(key)), Map.of("Idempotent-Replayed", "true"));
        }
        JsonNode spec = read(request.body());
        if (!spec.has("models") || spec.get("models").isEmpty()) {
            return problem(400, "Invalid input", "Name at least one model.", "models", Map.of());
        }
        if (spec.path("prompt").asText().contains("competitor")) {
            return problem(422, "Prompt refused", "The prompt names a competitor's mark.", "prompt", Map.of());
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("id", id);
        job.put("workspace", WORKSPACE);
        job.put("state", "QUEUED");
        job.put("requester", "u-1");
        job.put("createdAt", Instant.parse("2026-01-31T10:00:00Z"));
        job.put("attempts", 0);
        job.put("gpuMillis", 0);
        job.put("spec", spec);
        job.put("results", Map.of());
        job.put("queuePosition", 3);
        jobs.put(id, job);
        if (key != null) {
            jobsByKey.put(key, id);
        }
        if ("sync".equals(request.query().get("mode"))) {
            finish(job);
            return Reply.json(200, job, Map.of());
        }
        return Reply.json(202, job, Map.of("Location", origin() + request.path() + "/" + id));
    }

    private void finish(Map<String, Object> job) {
        job.put("startedAt", Instant.parse("2026-01-31T10:00:01Z"));
        job.put("finishedAt", Instant.parse("2026-01-31T10:00:03Z"));
        job.put("attempts", 1);
        if (nextFailure != null) {
            job.put("state", "FAILED");
            job.put("failure", nextFailure);
            nextFailure = null;
            return;
        }
        JsonNode spec = (JsonNode) job.get("spec");
        long seed = spec.path("seed").asLong(1000);
        int count = spec.path("count").asInt(1);
        Map<String, Object> results = new LinkedHashMap<>();
        for (JsonNode model : spec.get("models")) {
            List<Map<String, Object>> images = new ArrayList<>();
            for (int position = 0; position < count; position++) {
                images.add(asset(job.get("id").toString(), model.asText(), position, seed + position));
            }
            results.put(model.asText(), images);
        }
        job.put("state", "SUCCEEDED");
        job.put("gpuMillis", 1200);
        job.put("results", results);
    }

    private Map<String, Object> asset(String jobId, String model, int position, long seed) {
        String id = UUID.randomUUID().toString();
        boolean unsafe = model.equals(UNSAFE_MODEL);
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("id", id);
        asset.put("job", jobId);
        asset.put("model", model);
        asset.put("modelVersion", "1");
        asset.put("position", position);
        asset.put("seed", seed);
        asset.put("state", unsafe ? "BLOCKED" : "GENERATED");
        asset.put("blockedReason", unsafe ? "nsfw score 0.97" : null);
        asset.put("width", 1024);
        asset.put("height", 1024);
        asset.put("mediaType", "image/png");
        asset.put("sha256", sha256(png(id)));
        asset.put("requester", "u-1");
        asset.put("createdAt", Instant.parse("2026-01-31T10:00:03Z"));
        asset.put("tags", new ArrayList<String>());
        asset.put("content", origin() + "/api/v1/workspaces/" + WORKSPACE + "/assets/" + id + "/content");
        asset.put("preview", origin() + "/api/v1/workspaces/" + WORKSPACE + "/assets/" + id + "/preview");
        assets.put(id, asset);
        return asset;
    }

    @SuppressWarnings("unchecked")
    private Reply assets(Seen request, String id, String sub, String tag) {
        if (id == null) {
            String model = request.query().get("model");
            List<Map<String, Object>> items = assets.values().stream()
                    .filter(a -> model == null || a.get("model").equals(model)).toList();
            int page = Integer.parseInt(request.query().getOrDefault("page", "0"));
            int size = Integer.parseInt(request.query().getOrDefault("size", "20"));
            List<Map<String, Object>> slice = items.stream().skip((long) page * size).limit(size).toList();
            return Reply.json(200, Map.of("items", slice, "page", page, "size", size, "total", items.size()), Map.of());
        }
        Map<String, Object> asset = assets.get(id);
        if (asset == null) {
            return problem(404, "Not found", "No asset " + id + " in this workspace.", null, Map.of());
        }
        if ("/content".equals(sub) || "/preview".equals(sub)) {
            return new Reply(200, "image/png", png(id), Map.of());
        }
        if (tag != null && request.method().equals("PUT")) {
            List<String> tags = (List<String>) asset.get("tags");
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return Reply.json(200, asset, Map.of());
    }

    private Reply problem(int status, String title, String detail, String field, Map<String, String> headers) {
        String requestId = "req-" + (++requestIds);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:atelier:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("requestId", requestId);
        if (field != null) {
            problem.put("field", field);
        }
        Map<String, String> withId = new LinkedHashMap<>(headers);
        withId.put("X-Request-Id", requestId);
        return new Reply(status, "application/problem+json", write(problem), withId);
    }

    private static Map<String, Object> workspace() {
        return Map.of("slug", WORKSPACE, "name", "Brand studio", "description", "The demo workspace",
                "createdAt", Instant.parse("2026-01-01T00:00:00Z"), "role", "designer");
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        return exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue().get(0), (a, b) -> a));
    }

    private static Map<String, String> query(String raw) {
        return form(raw == null ? "" : raw);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
