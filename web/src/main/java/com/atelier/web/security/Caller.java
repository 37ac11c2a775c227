package com.atelier.web.security;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Origin;
import com.atelier.governance.access.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in user of the current HTTP request, as governance sees them. Identity and roles come only from the
 * token WildFly's OIDC mechanism verified (principal = preferred_username, roles = realm roles).
 */
@RequestScoped
public class Caller {

    private HttpServletRequest request;
    private RequestIds requestIds;

    public Caller() {
        // for CDI proxies
    }

    @Inject
    public Caller(HttpServletRequest request, RequestIds requestIds) {
        this.request = request;
        this.requestIds = requestIds;
    }

    public boolean signedIn() {
        return request.getUserPrincipal() != null;
    }

    /** The caller as an actor; throws {@link NotSignedInException} for anonymous requests. */
    public Actor actor() {
        Principal principal = Optional.ofNullable(request.getUserPrincipal())
                .orElseThrow(NotSignedInException::new);
        Set<Role> roles = Arrays.stream(Role.values())
                .filter(role -> request.isUserInRole(role.realmName()))
                .collect(Collectors.toUnmodifiableSet());
        return new Actor(principal.getName(), roles, new Origin(requestIds.current(request), request.getRemoteAddr()));
    }
}
