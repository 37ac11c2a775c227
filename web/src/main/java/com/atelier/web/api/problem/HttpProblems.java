package com.atelier.web.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Keeps JAX-RS's own refusals (404 unknown path, 405, 406, 415...) in the problem+json format. */
@Provider
@ApplicationScoped
public class HttpProblems implements ExceptionMapper<WebApplicationException> {

    private ProblemFactory problems;

    public HttpProblems() {
        // for CDI proxies
    }

    @Inject
    public HttpProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response problem = problems.problem(status, status.getReasonPhrase(), e.getMessage()).toResponse();
        // keep headers such as Allow (405) that tell the client what would work
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
