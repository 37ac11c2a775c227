package com.atelier.sdk.cli;

import com.atelier.sdk.generation.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code atelier jobs show|cancel}: follow or cancel a generation job. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Show or cancel a generation job.")
final class JobsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: show or cancel.");
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print a job's state and its images.")
    int show(@Mixin ConnectionOptions connection,
             @Option(names = {"-w", "--workspace"}, required = true) String workspace,
             @Parameters(paramLabel = "ID") String id) {
        Job job = connection.connect().generations().job(workspace, id);
        JobReport.print(job, spec.commandLine().getOut());
        return exitCode(job);
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job that is still queued.")
    int cancel(@Mixin ConnectionOptions connection,
               @Option(names = {"-w", "--workspace"}, required = true) String workspace,
               @Parameters(paramLabel = "ID") String id) {
        JobReport.print(connection.connect().generations().cancel(workspace, id), spec.commandLine().getOut());
        return AtelierCli.OK;
    }

    /** A script can branch on {@code jobs show}: 1 when the job failed or was cancelled. */
    private static int exitCode(Job job) {
        return job.isFinal() && !job.succeeded() ? AtelierCli.JOB_FAILED : AtelierCli.OK;
    }
}
