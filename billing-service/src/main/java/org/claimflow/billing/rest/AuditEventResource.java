package org.claimflow.billing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.claimflow.billing.service.AuditService;
import org.claimflow.billing.service.InvalidRequestException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The audit trail of PHI access, for compliance (issue #8): who read or changed a claim's or a patient's data. */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail")
public class AuditEventResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String TIME_DOC = "YYYY-MM-DD (UTC day) or an ISO-8601 instant";

    private final AuditService audit;
    private final Caller caller;

    public AuditEventResource(AuditService audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Audited(object = "audit-trail")
    @Operation(summary = "The audit trail of a claim, a patient or one object, newest first",
            description = "At least one of claimId, patientRef (the member id), or objectType with objectId. Only the caller's "
                    + "practice. Reading the trail is itself recorded (object type audit-trail).")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "No filter, or an invalid one", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<AuditEventResponse> search(
            @QueryParam("claimId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String claimId,
            @Parameter(description = "the patient's member id") @QueryParam("patientRef") @Size(min = 1, max = 80) String patientRef,
            @Parameter(description = "claim, patient-account, patient-payment, remittance, ar-aging or audit-trail")
            @QueryParam("objectType") @Size(min = 1, max = 40) String objectType,
            @QueryParam("objectId") @Size(min = 1, max = 64) String objectId,
            @Parameter(description = "from (inclusive): " + TIME_DOC) @QueryParam("from") @Size(max = 40) String from,
            @Parameter(description = "to (inclusive for a day, exclusive for an instant): " + TIME_DOC) @QueryParam("to") @Size(max = 40) String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        if ((objectType == null) != (objectId == null)) {
            throw new InvalidRequestException(objectType == null ? "objectType" : "objectId",
                    "objectType and objectId go together");
        }
        if (claimId == null && patientRef == null && objectType == null) {
            throw new InvalidRequestException("claimId", "one of claimId, patientRef, or objectType with objectId is required");
        }
        Instant start = time(from, "from", false);
        Instant end = time(to, "to", true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidRequestException("from", "must be before to");
        }
        AuditService.AuditQuery query = new AuditService.AuditQuery(claimId == null ? null : UUID.fromString(claimId),
                patientRef, objectType, objectId == null ? null : objectId.toLowerCase(), start, end);
        return audit.search(caller.practice(), query, page, size);
    }

    /** A day (from: its start; to: the start of the next) or an instant. */
    private static Instant time(String value, String field, boolean end) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date YYYY-MM-DD or an ISO-8601 instant");
        }
    }
}
