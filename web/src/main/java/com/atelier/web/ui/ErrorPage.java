package com.atelier.web.ui;

import com.atelier.governance.health.DependencyProbe;
import com.atelier.web.api.problem.Problem;
import com.atelier.web.security.RequestIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Errors raised before a request reaches JAX-RS or Faces, chiefly by the OIDC mechanism: an API caller gets a
 * problem+json answer and a person a short page, never a stack trace. When Keycloak cannot be reached to check
 * a token (WildFly reports a 500 then), the answer is a 503 that says so.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    @Any
    private Instance<DependencyProbe> probes;

    @Inject
    private RequestIds requestIds;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int code = Optional.ofNullable((Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE)).orElse(500);
        String path = Optional.ofNullable((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
                .orElse(request.getRequestURI());
        Status status = Optional.ofNullable(Status.fromStatusCode(code)).orElse(Status.INTERNAL_SERVER_ERROR);
        String title = status.getReasonPhrase();
        String detail = switch (code) {
            case 401 -> "Sign in first: the request carries no valid token from Keycloak realm 'atelier'.";
            case 403 -> "Your roles do not allow this.";
            case 404 -> "Nothing here.";
            default -> "Something unexpected failed; nothing was changed. Quote the request id to support.";
        };
        if (code >= 403 && signInServiceDown()) {
            status = Status.SERVICE_UNAVAILABLE;
            title = "Service unavailable";
            detail = "The sign-in service (Keycloak) cannot be reached, so your identity cannot be checked; nothing"
                    + " was changed. Retry in a moment.";
        }
        response.setStatus(status.getStatusCode());
        String requestId = requestIds.current(request);
        if (path.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(Problem.MEDIA_TYPE);
            JSON.writeValue(response.getOutputStream(), Problem.of(status, title, detail, requestId));
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().printf("<!DOCTYPE html><html><head><title>%1$s · Atelier</title></head><body>"
                    + "<h1>%1$s</h1><p>%2$s</p><p><small>Request id %3$s</small></p>"
                    + "<p><a href=\"%4$s/\">Back to Atelier</a></p></body></html>", title, detail, requestId,
                    request.getContextPath());
        }
    }

    private boolean signInServiceDown() {
        return probes.stream().filter(p -> p.dependency().equals("keycloak"))
                .anyMatch(p -> !p.check(Duration.ofSeconds(2)).up());
    }
}
