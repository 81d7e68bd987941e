package org.claimflow.billing.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.claimflow.billing.service.RemittanceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/remittances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Remittances")
public class RemittanceResource {

    private final RemittanceService remittances;
    private final Caller caller;

    public RemittanceResource(RemittanceService remittances, Caller caller) {
        this.remittances = remittances;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Consumes(ClaimResource.EDI_X12)
    @Operation(summary = "Post an 835 remittance", description = "Posts every claim payment of the file to the caller's "
            + "practice's claims, or nothing: an unbalanced file is refused whole; a claim payment for a claim the practice "
            + "does not have is kept as unmatched. The same file again (same bytes, or the same payer trace number) posts "
            + "nothing and answers 200 with duplicate=true, so a retry is safe without an Idempotency-Key.")
    @RequestBody(content = @Content(mediaType = ClaimResource.EDI_X12, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Posted; Location names the (first) remittance",
            content = @Content(schema = @Schema(implementation = RemittanceResponse.class)))
    @APIResponse(responseCode = "200", description = "Posted before; nothing posted now", content = @Content(schema = @Schema(implementation = RemittanceResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a readable 835 (/problems/invalid-x12)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The same file is being posted concurrently, or was posted by "
            + "the clearinghouse mailbox or another practice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/edi-x12", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Does not balance (/problems/unbalanced-remittance, with the violations; nothing "
            + "posted), or Idempotency-Key reused with another file (/problems/idempotency-key-reused)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "remittance")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response post(byte[] body,
                         @Parameter(description = "Optional: the file is its own key, but a key reused with another file is refused")
                         @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                         @Context UriInfo uri) {
        RemittanceService.PostingResult result = remittances.post(new String(body, StandardCharsets.UTF_8), caller.practice(),
                idempotencyKey);
        RemittanceResponse response = new RemittanceResponse(result.remittanceIds().get(0), result.remittanceIds(),
                result.status(), result.traceNumbers(), result.claimsPosted(), result.unmatched(), result.duplicate());
        Response.ResponseBuilder builder = Response.status(result.duplicate() ? 200 : 201).entity(response)
                .location(uri.getBaseUri().resolve(URI.create("api/v1/remittances/" + response.remittanceId())));
        if (result.duplicate()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read a remittance the caller's practice uploaded: status, payment, how many claims it posted, "
            + "or why it was refused")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RemittanceView.class)))
    @APIResponse(responseCode = "404", description = "No such remittance", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "remittance")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RemittanceView get(@PathParam("id") UUID id) {
        return remittances.get(id);
    }
}
