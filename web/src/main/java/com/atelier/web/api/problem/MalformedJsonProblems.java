package com.atelier.web.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a body that is not valid JSON or does not fit the expected shape. */
@Provider
@ApplicationScoped
public class MalformedJsonProblems implements ExceptionMapper<JsonProcessingException> {

    private ProblemFactory problems;

    public MalformedJsonProblems() {
        // for CDI proxies
    }

    @Inject
    public MalformedJsonProblems(ProblemFactory problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(JsonProcessingException e) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return problems.problem(Response.Status.BAD_REQUEST, "Malformed JSON",
                "The request body could not be read as JSON" + where + ": " + e.getOriginalMessage()).toResponse();
    }
}
