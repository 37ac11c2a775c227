package com.atelier.web.api.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem report: what went wrong, for whom, and what to do. Extension members: the request id to
 * quote to support, the offending field, and the state of dependencies for 503s.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String requestId, String field,
                      List<?> dependencies) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public static Problem of(Response.StatusType status, String title, String detail, String requestId) {
        return new Problem(type(title), title, status.getStatusCode(), detail, requestId, null, null);
    }

    public Problem withField(String field) {
        return new Problem(type, title, status, detail, requestId, field, dependencies);
    }

    public Problem withDependencies(List<?> dependencies) {
        return new Problem(type, title, status, detail, requestId, field, dependencies);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }

    /** A stable, documented type URI per kind of problem, e.g. urn:atelier:problem:invalid-input. */
    private static URI type(String title) {
        return URI.create("urn:atelier:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-"));
    }
}
