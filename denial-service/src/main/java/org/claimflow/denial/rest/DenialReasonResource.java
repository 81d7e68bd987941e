package org.claimflow.denial.rest;

import org.claimflow.denial.service.DenialReasonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Administration of the classification table, so operators can change routing without a release. */
@Path("/api/v1/denial-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Denial reasons")
public class DenialReasonResource {

    private final DenialReasonService reasons;

    public DenialReasonResource(DenialReasonService reasons) {
        this.reasons = reasons;
    }

    @GET
    @Path("/{carc}")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read how denials with a CARC are classified")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialReasonResponse.class)))
    @APIResponse(responseCode = "404", description = "No such CARC", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotAudited(reason = "the classification table of reason codes: operators' reference data, no patient or claim")
    public DenialReasonResponse get(@PathParam("carc") String carc) {
        return reasons.get(carc);
    }

    @PUT
    @Path("/{carc}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set how denials with a CARC are classified and routed",
            description = "Sets the row for the body's groupCode (default * = any) and rarc (default none). Applies to denials routed from now on.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialReasonResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such CARC", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotAudited(reason = "changes the classification table of reason codes: operators' reference data, no patient or claim")
    public DenialReasonResponse put(@PathParam("carc") String carc, @Valid @NotNull DenialReasonRequest request) {
        return reasons.put(carc, request);
    }
}
