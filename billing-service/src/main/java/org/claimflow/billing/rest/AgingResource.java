package org.claimflow.billing.rest;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.claimflow.billing.service.AgingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/ar/aging")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts receivable")
public class AgingResource {

    private final AgingService aging;
    private final Caller caller;

    public AgingResource(AgingService aging, Caller caller) {
        this.aging = aging;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "AR aging per payer and for patients", description = "Buckets 0-30, 31-60, 61-90, 91-120 and over 120 "
            + "days since the date of service, counted to asOf (default today, UTC); amounts are those posted so far.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AgingResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf not YYYY-MM-DD", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // Names no patient, but is made of the practice's patient balances and dates of service, and a row of one item is
    // one patient's: who read it is recorded (no claim or patient in the row).
    @Audited(object = "ar-aging", action = AuditAction.READ)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgingResponse aging(@Parameter(description = "Deprecated and ignored: the practice is the caller's (token); another practice is refused with 403",
                                          deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId,
                               @QueryParam("asOf") @Size(max = 10) String asOf) {
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            // A JAX-RS LocalDate parameter that does not parse answers 404; a bad date is the client's 400.
            throw new BadRequestException("asOf is not a date (YYYY-MM-DD)");
        }
        return aging.aging(caller.practice(practiceId), day);
    }
}
