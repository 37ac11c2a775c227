package com.atelier.sdk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code atelier}: the command line a pipeline engineer scripts, built on the SDK. Exit codes: 0 done, 1 the job
 * failed (or did not finish in time), 2 the command line is wrong, 3 the API refused or could not be reached.
 */
@Command(name = "atelier", mixinStandardHelpOptions = true, version = "atelier 0.1.0",
        description = "Generate images and browse assets in an Atelier portal.",
        subcommands = {GenerateCommand.class, JobsCommand.class, AssetsCommand.class},
        footer = {"", "Credentials: --user/--password (ATELIER_USER, ATELIER_PASSWORD), "
                + "--client-id/--client-secret (ATELIER_CLIENT_ID, ATELIER_CLIENT_SECRET) or --token (ATELIER_TOKEN).",
                "Exit codes: 0 ok, 1 job failed, 2 usage, 3 API error."})
public final class AtelierCli implements Runnable {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;
    public static final int API_ERROR = 3;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(System.getenv(), out, err, args));
    }

    /** Runs one command line with the given environment and streams, as {@link #main} does with the real ones. */
    public static int execute(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AtelierCli())
                .setOut(out)
                .setErr(err)
                .setDefaultValueProvider(new EnvironmentDefaults(environment))
                .setExecutionExceptionHandler(new FailureReport());
        int exitCode = cli.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: generate, jobs or assets.");
    }
}
