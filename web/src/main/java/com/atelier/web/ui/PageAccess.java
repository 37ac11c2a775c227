package com.atelier.web.ui;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.access.Role;
import com.atelier.web.security.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps people out of the pages their roles do not open: a request for such a page, typed or followed, is answered
 * 403 and {@link ErrorPage} explains which roles it needs. The roles are the verified token's (via {@link Caller}),
 * never anything the request says. The header hides the same links ({@link PortalNavigation}); this is the lock.
 */
@WebFilter(urlPatterns = "/app/*")
public class PageAccess extends HttpFilter {

    /** The request attribute naming the roles a refused page needs, for the error page. */
    static final String NEEDED_ROLES = "com.atelier.web.ui.neededRoles";

    private static final long serialVersionUID = 1L;

    /** Pages open to some roles only, by the permission they need; every other page is open to anyone signed in. */
    private static final Map<String, Permission> GUARDED = Map.of(
            "/app/review.xhtml", Permission.APPROVE,
            "/app/compliance.xhtml", Permission.READ_AUDIT_TRAIL,
            "/app/admin.xhtml", Permission.MANAGE_WORKSPACES,
            "/app/generate.xhtml", Permission.GENERATE,
            "/app/brand-kit.xhtml", Permission.VIEW_WORKSPACE);

    @Inject
    private Caller caller;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Permission> needed = Optional.ofNullable(GUARDED.get(request.getServletPath()));
        // The security constraint on /app/* has signed the caller in before this filter runs.
        if (needed.isPresent() && caller.signedIn() && !caller.actor().can(needed.get())) {
            request.setAttribute(NEEDED_ROLES, rolesWith(needed.get()));
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean allows(Actor actor, String viewId) {
        return Optional.ofNullable(GUARDED.get(viewId)).map(actor::can).orElse(true);
    }

    private static List<String> rolesWith(Permission permission) {
        return Arrays.stream(Role.values()).filter(r -> r.grants(permission)).map(Role::realmName)
                .toList();
    }
}
