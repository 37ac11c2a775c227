package com.atelier.sdk.cli;

import com.atelier.sdk.FakePortal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AtelierCliTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path out;

    @RegisterExtension
    final FakePortal portal = new FakePortal();

    private final Map<String, String> environment = new HashMap<>();
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeEach
    void start() {
        environment.put("ATELIER_URL", portal.apiUrl().toString());
        environment.put("ATELIER_KEYCLOAK_URL", portal.keycloakUrl().toString());
        environment.put("ATELIER_USER", FakePortal.USER);
        environment.put("ATELIER_PASSWORD", FakePortal.PASSWORD);
    }

    private int atelier(String... args) {
        return AtelierCli.execute(environment, new PrintWriter(stdout), new PrintWriter(stderr), args);
    }

    private String[] files() throws Exception {
        try (Stream<Path> listing = Files.list(out)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void generateSavesEveryImageNamedByModelPositionAndSeed() throws Exception {
        int exit = atelier("generate", "--workspace", FakePortal.WORKSPACE, "--model", "sdxl", "--model", "flux2",
                "--prompt", "a red fox", "--count", "2", "--seed", "42", "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(files()).containsExactly("flux2-0-42.png", "flux2-1-43.png", "sdxl-0-42.png", "sdxl-1-43.png");
        assertThat(Files.readAllBytes(out.resolve("sdxl-1-43.png"))).startsWith(PNG_SIGNATURE);
        assertThat(stdout.toString()).contains("SUCCEEDED", "4 image(s) saved to " + out + ", 0 blocked");
        assertThat(portal.requests("POST", "/generations").get(0).query()).containsEntry("mode", "async");
    }

    @Test
    void generateWithSyncLetsTheServerWaitAndSendsEveryParameter() throws Exception {
        int exit = atelier("generate", "-w", FakePortal.WORKSPACE, "-m", "sdxl", "-p", "a red fox", "--sync",
                "--negative-prompt", "blur", "--lora", "brand-style=0.7", "--width", "768", "--height", "512",
                "--steps", "20", "--guidance", "6.5", "--scheduler", "euler", "-o", out.resolve("new").toString());

        assertThat(exit).isZero();
        FakePortal.Seen post = portal.requests("POST", "/generations").get(0);
        assertThat(post.query()).containsEntry("mode", "sync");
        assertThat(post.body()).contains("\"negativePrompt\":\"blur\"", "\"name\":\"brand-style\"", "\"width\":768",
                "\"height\":512", "\"steps\":20", "\"guidance\":6.5", "\"scheduler\":\"euler\"");
        assertThat(portal.requests("GET", "/generations/")).isEmpty();
        assertThat(Files.list(out.resolve("new"))).hasSize(1);
    }

    @Test
    void generateSkipsBlockedImagesAndSaysWhy() throws Exception {
        int exit = atelier("generate", "-w", FakePortal.WORKSPACE, "-m", "sdxl", "-m", FakePortal.UNSAFE_MODEL,
                "-p", "a red fox", "--sync", "-o", out.toString());

        assertThat(exit).isZero();
        assertThat(files()).containsExactly("sdxl-0-1000.png");
        assertThat(stdout.toString()).contains("BLOCKED (nsfw score 0.97)", "1 image(s) saved", "1 blocked");
    }

    @Test
    void generateExitsOneWhenTheJobFails() throws Exception {
        portal.nextFailure = "No inference endpoint serves sdxl";

        int exit = atelier("generate", "-w", FakePortal.WORKSPACE, "-m", "sdxl", "-p", "a red fox", "--sync",
                "-o", out.toString());

        assertThat(exit).isEqualTo(AtelierCli.JOB_FAILED);
        assertThat(stdout.toString()).contains("FAILED", "failure: No inference endpoint serves sdxl");
        assertThat(files()).isEmpty();
    }

    @Test
    void exitsThreeAndPrintsTheProblemWhenTheApiRefuses() {
        int exit = atelier("generate", "-w", FakePortal.FORBIDDEN_WORKSPACE, "-m", "sdxl", "-p", "a red fox",
                "-o", out.toString());

        assertThat(exit).isEqualTo(AtelierCli.API_ERROR);
        assertThat(stderr.toString()).contains("Error: 403 Forbidden",
                "You are not a member of workspace secret-studio.", "request id: req-");
    }

    @Test
    void exitsTwoWhenAnOptionIsMissing() {
        int exit = atelier("generate", "-w", FakePortal.WORKSPACE, "-m", "sdxl", "-o", out.toString());

        assertThat(exit).isEqualTo(AtelierCli.USAGE);
        assertThat(stderr.toString()).contains("Missing required option: '--prompt=<prompt>'");
    }

    @Test
    void exitsTwoWhenNoCredentialsAreGiven() {
        environment.remove("ATELIER_USER");
        environment.remove("ATELIER_PASSWORD");

        int exit = atelier("jobs", "show", "some-id", "-w", FakePortal.WORKSPACE);

        assertThat(exit).isEqualTo(AtelierCli.USAGE);
        assertThat(stderr.toString()).contains("Say how to sign in");
        assertThat(portal.grants()).isEmpty();
    }

    @Test
    void takesServiceAccountCredentialsFromFlags() {
        environment.remove("ATELIER_USER");

        int exit = atelier("assets", "list", "-w", FakePortal.WORKSPACE, "--client-id", FakePortal.CLIENT_ID,
                "--client-secret", FakePortal.CLIENT_SECRET);

        assertThat(exit).isZero();
        assertThat(portal.grants()).containsExactly("client_credentials");
    }

    @Test
    void jobsShowPrintsTheStateAndEveryImage() {
        atelier("generate", "-w", FakePortal.WORKSPACE, "-m", "sdxl", "-p", "a fox", "-n", "2", "--seed", "7",
                "--sync", "-o", out.toString());
        String jobId = stdout.toString().lines().filter(l -> l.startsWith("Submitted job ")).findFirst()
                .orElseThrow().split(" ")[2];
        stdout.getBuffer().setLength(0);

        int exit = atelier("jobs", "show", jobId, "--workspace", FakePortal.WORKSPACE);

        assertThat(exit).isZero();
        assertThat(stdout.toString()).contains("Job " + jobId + " SUCCEEDED in 3.0 s", "sdxl: 2 image(s)",
                "#0 seed 7 1024x1024 GENERATED", "#1 seed 8 1024x1024 GENERATED");
    }

    @Test
    void assetsListPrintsOneLinePerAssetAndTheNextPage() {
        atelier("generate", "-w", FakePortal.WORKSPACE, "-m", "sdxl", "-m", "flux2", "-p", "a fox", "-n", "3",
                "--sync", "-o", out.toString());
        stdout.getBuffer().setLength(0);

        int exit = atelier("assets", "list", "-w", FakePortal.WORKSPACE, "--model", "flux2", "--size", "2");

        assertThat(exit).isZero();
        assertThat(stdout.toString().lines().filter(l -> l.startsWith("flux2 #"))).hasSize(2);
        assertThat(stdout.toString()).contains("page 0, 2 of 3 asset(s); next: --page 1");
    }

    @Test
    void withoutACommandItPrintsUsageAndExitsTwo() {
        assertThat(atelier()).isEqualTo(AtelierCli.USAGE);
        assertThat(stderr.toString()).contains("Name a command: generate, jobs or assets.", "Usage: atelier");
    }
}
