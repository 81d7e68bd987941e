package org.claimflow.sandbox.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.claimflow.sandbox.clearinghouse.ClaimSubmissionService;
import org.claimflow.sandbox.clearinghouse.EligibilityService;
import org.claimflow.sandbox.config.SandboxConfig;
import org.claimflow.sandbox.fault.FaultSwitch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/x12")
@Tag(name = "X12", description = "Clearinghouse API of the sandbox payer (stand-in, not a real payer)")
public class X12Resource {

    public static final String EDI_X12 = "application/edi-x12";

    private final ClaimSubmissionService claims;
    private final EligibilityService eligibility;
    private final FaultSwitch faults;
    private final int maxBytes;

    X12Resource(ClaimSubmissionService claims, EligibilityService eligibility, FaultSwitch faults, SandboxConfig config) {
        this.claims = claims;
        this.eligibility = eligibility;
        this.faults = faults;
        this.maxBytes = config.maxX12Bytes();
    }

    @POST
    @Path("/837")
    @Consumes({EDI_X12, MediaType.TEXT_PLAIN})
    @Produces(EDI_X12)
    @Operation(summary = "Submit an 837P (005010X222A1) interchange",
            description = "Answers a 999 (005010X231A1). For accepted transaction sets a 277CA and an 835 are queued "
                    + "in the mailbox. The same interchange (sender + ISA13) sent again gets the same 999 and queues nothing.")
    @APIResponse(responseCode = "200", description = "999 acknowledgment (AK9 A, P or R)",
            content = @Content(mediaType = EDI_X12, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", description = "Body is not readable as X12", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 5 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/edi-x12 or text/plain", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Fault switch DOWN (sandbox only)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submitClaims(byte[] body) {
        faults.apply();
        return Response.ok(claims.submit(limited(body)), EDI_X12).build();
    }

    @POST
    @Path("/270")
    @Consumes({EDI_X12, MediaType.TEXT_PLAIN})
    @Produces(EDI_X12)
    @Operation(summary = "Ask about eligibility with a 270 (005010X279A1)",
            description = "Answers a 271 at once, or a 999 rejecting a structurally unusable 270.")
    @APIResponse(responseCode = "200", description = "271 response (or 999 R)",
            content = @Content(mediaType = EDI_X12, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "400", description = "Body is not readable as X12", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over 5 MB", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not application/edi-x12 or text/plain", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Fault switch DOWN (sandbox only)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkEligibility(byte[] body) {
        faults.apply();
        return Response.ok(eligibility.inquire(limited(body)), EDI_X12).build();
    }

    private byte[] limited(byte[] body) {
        if (body != null && body.length > maxBytes) {
            throw new ProblemException("/problems/payload-too-large", "X12 body too large", 413,
                    "The sandbox accepts X12 bodies of at most " + maxBytes + " bytes");
        }
        return body == null ? new byte[0] : body;
    }
}
