package org.claimflow.billing.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.claimflow.billing.service.NotFoundException;
import java.util.UUID;

import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.service.AuditService;
import org.claimflow.billing.service.AuditSubject;
import org.claimflow.billing.service.ClaimQueryService;
import org.claimflow.billing.service.ClaimScrubService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/claims")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Claims")
public class ClaimResource {

    public static final String EDI_X12 = "application/edi-x12";

    private static final String PRACTICE_DOC = "Deprecated and ignored: the practice is the caller's (token); another practice is refused with 403";

    private final ClaimQueryService claims;
    private final ClaimScrubService scrubber;
    private final Caller caller;
    private final AuditService audit;
    private final AuditRecord record;

    public ClaimResource(ClaimQueryService claims, ClaimScrubService scrubber, Caller caller, AuditService audit,
                         AuditRecord record) {
        this.claims = claims;
        this.scrubber = scrubber;
        this.caller = caller;
        this.audit = audit;
        this.record = record;
    }

    /** The claim if it is the caller's practice's; another practice's is answered as if it did not exist. */
    private ClaimResponse own(UUID id) {
        ClaimResponse claim = claims.get(id);
        if (!caller.owns(claim.practiceId())) {
            throw new NotFoundException("No claim with this id.");
        }
        AuditSubject subject = audit.ofClaim(id);
        if (subject != null) {
            record.about(subject);
        }
        return claim;
    }

    @POST
    @Path("/{id}/data-corrections")
    @RolesAllowed({Roles.BILLER, Roles.FRONT_DESK, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct the demographics or addresses of a claim held at the front door and resubmit it",
            description = "For a claim in SCRUB_HOLD, REJECTED (999 / 277CA) or SUBMISSION_FAILED: the fields given replace the claim's, "
                    + "the claim scrubber runs again, and the claim becomes READY_TO_SUBMIT (sent again by the submission job) or stays "
                    + "SCRUB_HOLD with its new findings. Answers the claim.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid correction (field errors)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such claim", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The claim is not held at the front door", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "claim", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimResponse correct(@PathParam("id") UUID id,
                                 @NotNull(message = "a correction body is required") @Valid ClaimDataCorrectionRequest request) {
        own(id);
        scrubber.correct(id, request);
        return own(id);
    }

    @GET
    @RolesAllowed({Roles.PMS_CLIENT, Roles.BILLER, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "List claims, oldest first", description = "Filter by encounter, practice or status; amounts included, lines and history not.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "claim")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<ClaimResponse> list(@QueryParam("encounterId") UUID encounterId,
                                            @Parameter(description = PRACTICE_DOC, deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId,
                                            @QueryParam("status") ClaimStatus status,
                                            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String practice = caller.practice(practiceId);
        if (encounterId != null) {
            // One encounter's claims: the audit row names its patient (and the claim, when there is one).
            AuditSubject subject = audit.ofEncounter(encounterId);
            if (subject != null) {
                record.about(subject);
            }
        }
        return claims.list(encounterId, practice, status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.BILLER, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read a claim: status, amounts that reconcile to the cent, lines with their adjustments, and its history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClaimResponse.class)))
    @APIResponse(responseCode = "404", description = "No such claim", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "claim")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimResponse get(@PathParam("id") UUID id) {
        return own(id);
    }

    @GET
    @Path("/{id}/x12")
    @RolesAllowed({Roles.BILLER, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Produces(EDI_X12)
    @Operation(summary = "The 837P interchange the claim was sent in, byte for byte")
    @APIResponse(responseCode = "200", content = @Content(mediaType = EDI_X12))
    @APIResponse(responseCode = "404", description = "No such claim, or not written into an 837P yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "claim")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String x12(@PathParam("id") UUID id) {
        own(id);
        return claims.x12(id);
    }
}
