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
import java.util.List;
import java.util.Optional;

/**
 * Errors raised before a request reaches JAX-RS or Faces, chiefly by the OIDC mechanism: an API caller gets a
 * problem+json answer and a person a short page, never a stack trace. When Keycloak cannot be reached to check
 * a token (WildFly reports a 500 then), the answer is a 503 that says so.
 */
@WebServlet("/error")
public class ErrorPage extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A page of its own, outside Faces: the error may have arisen before Faces could render anything. */
    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<title>%1$s · Atelier</title>"
            + "<link rel=\"stylesheet\" href=\"%5$s/jakarta.faces.resource/atelier.css.xhtml\"/></head><body>"
            + "<header class=\"atelier-header\"><a class=\"atelier-brand\" href=\"%5$s/app/home.xhtml\">Atelier</a>"
            + "</header><main class=\"atelier-main error-page\" id=\"main\"><h1 id=\"error-title\">%2$s</h1>%3$s"
            + "<p><a id=\"go-home\" href=\"%5$s/app/home.xhtml\">Go to your home page</a></p>"
            + "<p><small>Request id %4$s</small></p></main></body></html>";

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
        @SuppressWarnings("unchecked")
        List<String> neededRoles = (List<String>) request.getAttribute(PageAccess.NEEDED_ROLES);
        if (path.startsWith(request.getContextPath() + "/api/") || wantsJson(request)) {
            response.setContentType(Problem.MEDIA_TYPE);
            JSON.writeValue(response.getOutputStream(), Problem.of(status, title, detail, requestId));
        } else if (status == Status.FORBIDDEN) {
            response.setContentType("text/html;charset=UTF-8");
            String roles = neededRoles == null || neededRoles.isEmpty() ? "a role you do not have"
                    : "one of these roles: " + String.join(", ", neededRoles.stream()
                            .map(r -> "<strong class=\"needed-role\">" + html(r) + "</strong>").toList());
            response.getWriter().printf(PAGE, "Access denied", "You don't have access to this page",
                    "<p id=\"needed-roles\">This page needs " + roles + ". Your roles come from your Atelier"
                            + " account; ask an admin if you need one of them.</p>",
                    html(requestId), request.getContextPath());
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().printf(PAGE, html(title), html(title), "<p>" + html(detail) + "</p>",
                    html(requestId), request.getContextPath());
        }
    }

    /** An API client that asked for JSON (and not HTML) gets problem+json wherever the error arose. */
    private static boolean wantsJson(HttpServletRequest request) {
        String accept = Optional.ofNullable(request.getHeader("Accept")).orElse("");
        return (accept.contains("application/json") || accept.contains("application/problem+json"))
                && !accept.contains("text/html");
    }

    private static String html(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private boolean signInServiceDown() {
        return probes.stream().filter(p -> p.dependency().equals("keycloak"))
                .anyMatch(p -> !p.check(Duration.ofSeconds(2)).up());
    }
}
