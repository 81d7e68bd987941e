package org.claimflow.billing.rest;

import java.util.UUID;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/** Every response carries X-Request-Id: the caller's, if it sent a sane one, or a new one. */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "requestId";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
            id = UUID.randomUUID().toString();
        }
        request.setProperty(KEY, id);
        MDC.put(KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove(KEY);
    }

    /** The request's id as this filter assigned it (the MDC may already be cleared when a late filter asks). */
    static String of(ContainerRequestContext request) {
        Object id = request.getProperty(KEY);
        return id == null ? null : id.toString();
    }

    static String current() {
        Object id = MDC.get(KEY);
        return id == null ? null : id.toString();
    }
}
