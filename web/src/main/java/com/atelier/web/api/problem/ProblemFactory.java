package com.atelier.web.api.problem;

import com.atelier.web.security.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/** Builds problems stamped with the current request's id. */
@RequestScoped
public class ProblemFactory {

    private HttpServletRequest request;
    private RequestIds requestIds;

    public ProblemFactory() {
        // for CDI proxies
    }

    @Inject
    public ProblemFactory(HttpServletRequest request, RequestIds requestIds) {
        this.request = request;
        this.requestIds = requestIds;
    }

    public Problem problem(Response.StatusType status, String title, String detail) {
        return Problem.of(status, title, detail, requestIds.current(request));
    }
}
