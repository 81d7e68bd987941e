package org.claimflow.eligibility.rest;

import java.net.URI;
import java.util.UUID;

import org.claimflow.eligibility.service.EligibilityService;
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

@Path("/api/v1/eligibility/checks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility checks")
public class EligibilityCheckResource {

    static final String EDI_X12 = "application/edi-x12";

    private final EligibilityService eligibility;
    private final Caller caller;
    private final AuditRecord record;

    public EligibilityCheckResource(EligibilityService eligibility, Caller caller, AuditRecord record) {
        this.eligibility = eligibility;
        this.caller = caller;
        this.record = record;
    }

    /** The check if it is the caller's practice's; another practice's is answered as if it did not exist. */
    private EligibilityCheckResponse own(UUID id) {
        EligibilityCheckResponse check = eligibility.get(id);
        if (!caller.owns(check.practiceId())) {
            throw new NotFoundException("No eligibility check with this id.");
        }
        // The audit row names the check's claim (when it was asked for one) and its member.
        record.about(check.claimId(), check.memberId());
        return check;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.ADMIN})
    @Operation(summary = "Check a member's eligibility in real time",
            description = "Sends a 270 to the payer and answers with its 271, normalised. A payer that is down or does not "
                    + "answer within the gateway timeout gives a check with status ERROR and reasonCode PAYER_UNAVAILABLE, "
                    + "not an error response. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Checked; Location names the check",
            content = @Content(schema = @Schema(implementation = EligibilityCheckResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still asking the payer (/problems/idempotency-key-in-use): send it again after Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "eligibility-check")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response check(@Valid @NotNull EligibilityCheckRequest request,
                          @Parameter(description = "Client-chosen key; a retry with the same key and body replays the first response")
                          @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                          @Context UriInfo uri) {
        EligibilityService.CheckResult result = eligibility.check(request.askedBy(caller.practice(request.practiceId()), caller.user()), idempotencyKey);
        // Checked (or replayed) for this practice: the audit row names the member asked about.
        record.about(null, request.memberId());
        Response.ResponseBuilder response = Response.status(result.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(result.body())
                .location(uri.getBaseUri().resolve(URI.create(result.location().substring(1))));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        // W3C Server-Timing, in ms: the payer call, the whole check, its own overhead (total less payer) and each
        // step of it (README: overhead benchmark); RequestTimingFilter appends the whole request as the server saw it.
        response.header(ServerTiming.HEADER, result.timing().serverTiming());
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read an eligibility check and the payer's answer")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EligibilityCheckResponse.class)))
    @APIResponse(responseCode = "404", description = "No such check", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "eligibility-check")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EligibilityCheckResponse get(@PathParam("id") UUID id) {
        return own(id);
    }

    @GET
    @Path("/{id}/x12")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Produces(EDI_X12)
    @Operation(summary = "The payer's 271 for this check, as received (kept for audit)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = EDI_X12))
    @APIResponse(responseCode = "404", description = "No such check, or the payer sent no 271", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "eligibility-check")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String response271(@PathParam("id") UUID id) {
        own(id);
        return eligibility.response271(id);
    }

    @GET
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Eligibility history, newest first")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "eligibility-check")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<EligibilityCheckResponse> history(@QueryParam("memberId") @Size(max = 80) String memberId,
                                                          @Parameter(description = "Deprecated and ignored: the practice is the caller's (token); another practice is refused with 403", deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId,
                                                          @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String practice = caller.practice(practiceId);
        if (memberId != null && !memberId.isEmpty()) {
            // One member's history: the audit row names that member.
            record.about(null, memberId);
        }
        return eligibility.history(memberId, practice, page, size);
    }
}
