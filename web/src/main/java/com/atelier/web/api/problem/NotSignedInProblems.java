package com.atelier.web.api.problem;

import com.atelier.web.security.NotSignedInException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 401 with the bearer challenge, for calls that need a signed-in user and carry no valid token. */
@Provider
@ApplicationScoped
public class NotSignedInProblems implements ExceptionMapper<NotSignedInException> {

    private ProblemFactory problems;

    public NotSignedInProblems() {
        // for CDI proxies
    }

    @Inject
    public NotSignedInProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(NotSignedInException e) {
        return Response.fromResponse(problems.problem(Response.Status.UNAUTHORIZED, "Not signed in", e.getMessage())
                        .toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"atelier\"")
                .build();
    }
}
