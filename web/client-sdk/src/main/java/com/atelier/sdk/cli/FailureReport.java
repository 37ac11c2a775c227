package com.atelier.sdk.cli;

import com.atelier.sdk.AtelierApiException;
import com.atelier.sdk.AtelierException;
import com.atelier.sdk.JobTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/** Prints a failed command's cause in words a user can act on and picks its exit code; no stack traces. */
final class FailureReport implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (failure instanceof AtelierApiException problem) {
            err.println("Error: " + problem.status() + " " + problem.title());
            problem.detail().ifPresent(detail -> err.println("  " + detail));
            problem.field().ifPresent(field -> err.println("  field: " + field));
            problem.retryAfter().ifPresent(wait -> err.println("  retry after: " + wait.toSeconds() + " s"));
            problem.requestId().ifPresent(id -> err.println("  request id: " + id));
            return AtelierCli.API_ERROR;
        }
        if (failure instanceof JobTimeoutException timeout) {
            err.println("Error: " + timeout.getMessage() + "; it keeps running: atelier jobs show "
                    + timeout.lastSeen().id() + " --workspace " + timeout.lastSeen().workspace());
            return AtelierCli.JOB_FAILED;
        }
        if (failure instanceof AtelierException unreachable) {
            err.println("Error: " + unreachable.getMessage());
            return AtelierCli.API_ERROR;
        }
        if (failure instanceof CredentialsMissingException missing) {
            err.println(missing.getMessage());
            err.println("See: " + command.getCommandSpec().qualifiedName() + " --help");
            return AtelierCli.USAGE;
        }
        err.println("Error: " + failure);
        return AtelierCli.JOB_FAILED;
    }
}
