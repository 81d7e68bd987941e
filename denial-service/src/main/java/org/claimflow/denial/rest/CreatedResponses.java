package org.claimflow.denial.rest;

import java.net.URI;

import org.claimflow.denial.service.Created;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Turns a creating action's result (first answer or replay) into the HTTP response. */
final class CreatedResponses {

    static final String REPLAYED = "Idempotent-Replayed";

    private CreatedResponses() {
    }

    static Response of(Created created, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(created.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(created.body())
                .location(uri.getBaseUri().resolve(URI.create(created.location().substring(1))));
        if (created.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }
}
