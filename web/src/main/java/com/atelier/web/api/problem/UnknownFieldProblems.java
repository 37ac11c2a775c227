package com.atelier.web.api.problem;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 400 naming a field the API does not know; registered for the exact type because RESTEasy ships its own,
 * plain-text mapper for it.
 */
@Provider
@ApplicationScoped
public class UnknownFieldProblems implements ExceptionMapper<UnrecognizedPropertyException> {

    private ProblemFactory problems;

    public UnknownFieldProblems() {
        // for CDI proxies
    }

    @Inject
    public UnknownFieldProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(UnrecognizedPropertyException e) {
        return problems.problem(Response.Status.BAD_REQUEST, "Unknown field",
                        "The field '" + e.getPropertyName() + "' is not part of this request; known fields are "
                                + e.getKnownPropertyIds() + ".")
                .withField(e.getPropertyName())
                .toResponse();
    }
}
