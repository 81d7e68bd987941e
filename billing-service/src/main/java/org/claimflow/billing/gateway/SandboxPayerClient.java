package org.claimflow.billing.gateway;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The payer sandbox's clearinghouse API (deploy/sandbox-payer); base URL {@code claimflow.payer-gateway.url}. */
@RegisterRestClient(configKey = "sandbox-payer")
public interface SandboxPayerClient {

    String EDI_X12 = "application/edi-x12";

    /** Answers the 999; queues the 277CA and the 835 in the mailbox. */
    @POST
    @Path("/x12/837")
    @Consumes(EDI_X12)
    @Produces({EDI_X12, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    String submit837(String x12);

    @GET
    @Path("/mailbox")
    @Produces(MediaType.APPLICATION_JSON)
    Mailbox mailbox();

    @GET
    @Path("/mailbox/{id}")
    @Produces({EDI_X12, MediaType.TEXT_PLAIN, MediaType.WILDCARD})
    String read(@PathParam("id") String id);

    @DELETE
    @Path("/mailbox/{id}")
    void acknowledge(@PathParam("id") String id);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mailbox(List<Item> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String id, String type, Instant createdAt, String interchangeControlNumber) {
    }
}
