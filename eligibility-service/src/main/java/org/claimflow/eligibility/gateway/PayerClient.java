package org.claimflow.eligibility.gateway;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The payer's real-time X12 endpoint, as the sandbox payer and clearinghouse APIs expose it. Base URL:
 * {@code quarkus.rest-client.payer-gateway.url} (from {@code claimflow.payer-gateway.url}).
 */
@RegisterRestClient(configKey = "payer-gateway")
@Path("/x12")
public interface PayerClient {

    String EDI_X12 = "application/edi-x12";

    @POST
    @Path("/270")
    @Consumes(EDI_X12)
    @Produces(EDI_X12)
    String inquire(String inquiry270);

    /** Sorts HTTP errors into worth retrying (server side) and not (our request); no body is read: it may hold PHI. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 500 || status == 429 || status == 408) {
            return new PayerUnavailableException(status);
        }
        if (status >= 400) {
            return new PayerRejectedException(status);
        }
        return null;
    }
}
