package com.atelier.localtriton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code triton-models/build/check_repository.py} with the machine's python3 (standard library only,
 * well under a second), so that a syntax error in any Python file of triton-models/, or a BLS call or
 * ensemble step that names a missing model or tensor, fails the build. Skipped, not failed, on a machine
 * without python3. {@code pipelines/test_pipelines.py} needs numpy and is run by hand (README).
 */
class PythonRepositoryCheckTest {

    /** Surefire runs in the module directory, triton-models/local-server. */
    private static final Path TRITON_MODELS = Path.of("..").toAbsolutePath().normalize();

    @Test
    void repositoryCheckPasses() throws Exception {
        assumeTrue(succeeds("python3", "--version"), "python3 is not installed");

        Result result = run("python3", TRITON_MODELS.resolve("build/check_repository.py").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("0 problem(s)");
    }

    private record Result(int exitCode, String output) {
    }

    private static boolean succeeds(String... command) throws InterruptedException {
        try {
            return run(command).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        // No __pycache__ folders in the source tree.
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out: " + new ArrayList<>(List.of(command)));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
