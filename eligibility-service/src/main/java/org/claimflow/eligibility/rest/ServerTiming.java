package org.claimflow.eligibility.rest;

import java.util.Locale;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Adds {@code request;dur=…} to a response that carries a {@code Server-Timing} header: the time from the moment the
 * request reached the REST layer (before its body was read, parsed and validated) to the response filters. Set beside
 * the check's own {@code total}, it shows what the HTTP and JSON layers add (README: overhead benchmark).
 */
public class ServerTiming {

    public static final String HEADER = "Server-Timing";
    private static final String START = ServerTiming.class.getName() + ".start";

    @ServerRequestFilter(preMatching = true)
    public void start(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @ServerResponseFilter
    public void appendRequest(ContainerRequestContext request, ContainerResponseContext response) {
        Object timing = response.getHeaders().getFirst(HEADER);
        if (timing != null && request.getProperty(START) instanceof Long start) {
            response.getHeaders().putSingle(HEADER, timing + String.format(Locale.ROOT, ", request;dur=%.3f",
                    (System.nanoTime() - start) / 1_000_000.0));
        }
    }
}
