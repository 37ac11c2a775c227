package com.atelier.web.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: a database that cannot be reached becomes a 503 the client may retry; anything else a 500 that
 * names the request id to find the stack trace in the server log.
 */
@Provider
@ApplicationScoped
public class UnexpectedProblems implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedProblems.class.getName());

    private ProblemFactory problems;

    public UnexpectedProblems() {
        // for CDI proxies
    }

    @Inject
    public UnexpectedProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(Throwable e) {
        if (causedByUnreachableDatabase(e)) {
            LOG.log(Level.WARNING, "database unavailable", e);
            return problems.problem(Response.Status.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The database cannot be reached right now; nothing was changed. Retry in a moment.").toResponse();
        }
        Problem problem = problems.problem(Response.Status.INTERNAL_SERVER_ERROR, "Internal error",
                "Something unexpected failed; nothing was changed. Quote the request id to support.");
        LOG.log(Level.SEVERE, "unexpected failure, request " + problem.requestId(), e);
        return problem.toResponse();
    }

    private static boolean causedByUnreachableDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SQLSTATE class 08: connection exception
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
