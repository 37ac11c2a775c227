package com.atelier.web.api.problem;

import com.atelier.governance.failure.AccessDeniedException;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.DependencyUnavailableException;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.failure.PolicyViolationException;
import com.atelier.governance.failure.QuotaExceededException;
import com.atelier.governance.failure.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps each kind of governance refusal to its HTTP status, keeping the rule's own message. */
@Provider
@ApplicationScoped
public class GovernanceProblems implements ExceptionMapper<GovernanceException> {

    private ProblemFactory problems;

    public GovernanceProblems() {
        // for CDI proxies
    }

    @Inject
    public GovernanceProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(GovernanceException e) {
        Problem problem = problems.problem(statusOf(e), e.title(), e.getMessage());
        if (e instanceof InvalidInputException invalid) {
            problem = problem.withField(invalid.field());
        }
        if (e instanceof QuotaExceededException quota) {
            return Response.fromResponse(problem.toResponse())
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, quota.retryAfter().toSeconds()))
                    .build();
        }
        return problem.toResponse();
    }

    /** 422: the request is well-formed but a policy refuses its content (JAX-RS has no constant for it). */
    static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    static Response.StatusType statusOf(GovernanceException e) {
        if (e instanceof PolicyViolationException) {
            return UNPROCESSABLE;
        } else if (e instanceof QuotaExceededException) {
            return Status.TOO_MANY_REQUESTS;
        } else if (e instanceof AccessDeniedException) {
            return Status.FORBIDDEN;
        } else if (e instanceof InvalidInputException) {
            return Status.BAD_REQUEST;
        } else if (e instanceof StaleVersionException) {
            return Status.PRECONDITION_FAILED;
        } else if (e instanceof ConflictException) {
            return Status.CONFLICT;
        } else if (e instanceof NotFoundException) {
            return Status.NOT_FOUND;
        } else if (e instanceof DependencyUnavailableException) {
            return Status.SERVICE_UNAVAILABLE;
        }
        return Status.INTERNAL_SERVER_ERROR;
    }
}
