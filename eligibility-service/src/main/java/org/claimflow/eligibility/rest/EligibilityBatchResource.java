package org.claimflow.eligibility.rest;

import java.net.URI;
import java.util.UUID;

import org.claimflow.eligibility.service.EligibilityBatchService;
import org.claimflow.eligibility.service.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/eligibility/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility batches")
public class EligibilityBatchResource {

    private final EligibilityBatchService batches;
    private final Caller caller;

    public EligibilityBatchResource(EligibilityBatchService batches, Caller caller) {
        this.batches = batches;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.ADMIN})
    @Operation(summary = "Check the eligibility of a list of upcoming appointments in the background",
            description = "Stores the batch and answers at once; a worker asks the payers item by item within the payer "
                    + "gateway's limits, reusing an answer within the freshness window. Poll the Location for results. "
                    + "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the batch",
            content = @Content(schema = @Schema(implementation = EligibilityBatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being processed (/problems/idempotency-key-in-use): send it again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "eligibility-batch")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull EligibilityBatchRequest request,
                           @Parameter(description = "Client-chosen key; a retry with the same key and body replays the first response")
                           @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                           @Context UriInfo uri) {
        EligibilityBatchService.Submitted result = batches.submit(request.askedBy(caller.practice(request.practiceId()), caller.user()), idempotencyKey);
        Response.ResponseBuilder response = Response.status(result.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(result.body())
                .location(uri.getBaseUri().resolve(URI.create(result.location().substring(1))));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "A batch's progress and one page of its items with their results (in the order sent)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EligibilityBatchResponse.class)))
    @APIResponse(responseCode = "404", description = "No such batch", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "eligibility-batch")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EligibilityBatchResponse get(@PathParam("id") UUID id,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                        @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        EligibilityBatchResponse batch = batches.get(id, page, size);
        if (!caller.owns(batch.practiceId())) {
            throw new NotFoundException("No eligibility batch with this id.");
        }
        return batch;
    }
}
