package com.atelier.web.api;

import com.atelier.web.security.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** Echoes the request id on every API response, so a client can quote it. */
@Provider
@ApplicationScoped
public class RequestIdHeader implements ContainerResponseFilter {

    private HttpServletRequest request;
    private RequestIds requestIds;

    public RequestIdHeader() {
        // for CDI proxies
    }

    @Inject
    public RequestIdHeader(HttpServletRequest request, RequestIds requestIds) {
        this.request = request;
        this.requestIds = requestIds;
    }

    @Override
    public void filter(ContainerRequestContext in, ContainerResponseContext out) {
        out.getHeaders().putSingle(RequestIds.HEADER, requestIds.current(request));
    }
}
