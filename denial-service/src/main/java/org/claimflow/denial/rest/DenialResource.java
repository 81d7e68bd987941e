package org.claimflow.denial.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.claimflow.denial.service.NotFoundException;
import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.WorkQueue;
import org.claimflow.denial.service.AppealService;
import org.claimflow.denial.service.AuditService;
import org.claimflow.denial.service.AuditSubject;
import org.claimflow.denial.service.DenialAnalyticsService;
import org.claimflow.denial.service.DenialFilter;
import org.claimflow.denial.service.DenialService;
import org.claimflow.denial.service.DenialWorkService;
import org.claimflow.denial.service.InvalidRequestException;
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

@Path("/api/v1/denials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Denials")
public class DenialResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    static final String PRACTICE_DOC = "Deprecated and ignored: the practice is the caller's (token); another practice is refused with 403";
    static final String KEY_DOC = "Client-chosen key; a retry with the same key and body replays the first response";
    private static final String DATE_PATTERN = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private final DenialService denials;
    private final DenialWorkService work;
    private final AppealService appeals;
    private final DenialAnalyticsService analytics;
    private final Caller caller;
    private final AuditService audit;
    private final AuditRecord record;

    public DenialResource(DenialService denials, DenialWorkService work, AppealService appeals, DenialAnalyticsService analytics,
                          Caller caller, AuditService audit, AuditRecord record) {
        this.denials = denials;
        this.work = work;
        this.appeals = appeals;
        this.analytics = analytics;
        this.caller = caller;
        this.audit = audit;
        this.record = record;
    }

    /** The denial if it is the caller's practice's; another practice's is answered as if it did not exist. */
    private DenialResponse own(UUID id) {
        DenialResponse denial = denials.get(id);
        if (!caller.owns(denial.practiceId())) {
            throw new NotFoundException("No denial with this id.");
        }
        AuditSubject subject = audit.ofClaim(denial.claimId());
        record.about(subject.claimId(), subject.patientRef());
        return denial;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.BILLER, Roles.FRONT_DESK, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read a denial: its codes with their descriptions, classification, deadline, priority and history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialResponse.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "denial")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DenialResponse get(@PathParam("id") UUID id) {
        return own(id);
    }

    @GET
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.BILLER, Roles.FRONT_DESK, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "List denials, highest priority first (a work queue is queue=…&status=OPEN)",
            description = "Priority is the amount at stake times the urgency of the appeal deadline; ties are oldest first.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "denial")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<DenialResponse> list(
            @Parameter(description = PRACTICE_DOC, deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId,
            @QueryParam("claimId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String claimId,
            @Parameter(schema = @Schema(implementation = WorkQueue.class))
            @QueryParam("queue") @Pattern(regexp = "CODING|FRONT_DESK|BILLING", message = "must be CODING, FRONT_DESK or BILLING") String queue,
            @Parameter(schema = @Schema(implementation = DenialStatus.class))
            @QueryParam("status") @Pattern(regexp = "OPEN|IN_PROGRESS|APPEALED|CORRECTED|WRITTEN_OFF|WON|LOST",
                    message = "must be a denial status") String status,
            @QueryParam("payerId") @Size(max = 80) String payerId,
            @Parameter(schema = @Schema(implementation = DenialCategory.class))
            @QueryParam("category") @Pattern(regexp = "ELIGIBILITY|AUTHORIZATION|CODING|MEDICAL_NECESSITY|TIMELY_FILING|DUPLICATE"
                    + "|COORDINATION_OF_BENEFITS|NON_COVERED|BENEFIT_MAXIMUM|MISSING_INFORMATION|OTHER",
                    message = "must be a denial category") String category,
            @QueryParam("assignee") @Size(max = 100) String assignee,
            @Parameter(description = "true: only denials whose appeal deadline has passed; false: only those still in time")
            @QueryParam("pastDeadline") @Pattern(regexp = "true|false", message = "must be true or false") String pastDeadline,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        DenialFilter filter = new DenialFilter(caller.practice(practiceId), claimId == null ? null : UUID.fromString(claimId),
                queue == null ? null : WorkQueue.valueOf(queue), status == null ? null : DenialStatus.valueOf(status),
                payerId, category == null ? null : DenialCategory.valueOf(category), assignee,
                pastDeadline == null ? null : Boolean.valueOf(pastDeadline));
        if (filter.claimId() != null) {
            // One claim's denials: the audit row names that claim (and its patient, when this practice has it).
            AuditSubject subject = audit.ofClaim(filter.claimId());
            record.about(subject.claimId(), subject.patientRef());
        }
        return denials.list(filter, page, size);
    }

    @GET
    @Path("/analytics")
    @RolesAllowed({Roles.BILLER, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Denial analytics over a period of remittance dates",
            description = "Counts and amounts denied by payer, category and primary CARC; appeals won and lost, amount recovered, "
                    + "amount written off. No first-pass rate yet: it needs billing's claim counts.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialAnalyticsResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @NotAudited(reason = "counts and amounts by payer, category and reason code: no patient, claim or denial is named")
    public DenialAnalyticsResponse analytics(
            @Parameter(description = "first remittance date, YYYY-MM-DD") @QueryParam("from") @Pattern(regexp = DATE_PATTERN, message = "must be a date YYYY-MM-DD") String from,
            @Parameter(description = "last remittance date, YYYY-MM-DD") @QueryParam("to") @Pattern(regexp = DATE_PATTERN, message = "must be a date YYYY-MM-DD") String to,
            @Parameter(description = PRACTICE_DOC, deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId) {
        return analytics.analyse(date(from, "from"), date(to, "to"), caller.practice(practiceId));
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign the denial to a person (recorded in its history)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "denial", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DenialResponse assign(@PathParam("id") UUID id, @Valid @NotNull AssignmentRequest request) {
        own(id);
        return work.assign(id, request, caller.user());
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note to the denial", description = "Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Created; Location names the note", content = @Content(schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "denial-note", idParam = "noteId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response addNote(@PathParam("id") UUID id, @Valid @NotNull NoteRequest request,
                            @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                            @Context UriInfo uri) {
        own(id);
        return CreatedResponses.of(work.addNote(id, request, caller.user(), idempotencyKey), uri);
    }

    @GET
    @Path("/{id}/notes/{noteId}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.BILLER, Roles.FRONT_DESK, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read a note of the denial")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = NoteResponse.class)))
    @APIResponse(responseCode = "404", description = "No such note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "denial-note", idParam = "noteId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NoteResponse note(@PathParam("id") UUID id, @PathParam("noteId") UUID noteId) {
        own(id);
        return work.note(id, noteId);
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the denial's status (IN_PROGRESS or WRITTEN_OFF)",
            description = "Allowed: OPEN → IN_PROGRESS, OPEN/IN_PROGRESS → WRITTEN_OFF. APPEALED, WON and LOST follow from the appeal's "
                    + "submission and outcome, CORRECTED from a correction request.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Transition not allowed (/problems/invalid-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "denial", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DenialResponse changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChangeRequest request) {
        own(id);
        return work.changeStatus(id, request, caller.user());
    }

    @POST
    @Path("/{id}/appeals")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft an appeal of the denial",
            description = "Level REDETERMINATION for Medicare, FIRST_LEVEL for commercial payers; deadline from the payer's terms. "
                    + "An OPEN denial becomes IN_PROGRESS. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "201", description = "Created; Location names the appeal", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The denial cannot be appealed in its status, or already has an appeal in progress", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "appeal", idParam = "appealId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response appeal(@PathParam("id") UUID id, @Valid @NotNull AppealRequest request,
                           @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                           @Context UriInfo uri) {
        own(id);
        return CreatedResponses.of(appeals.create(id, request, caller.user(), idempotencyKey), uri);
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.BILLER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a corrected claim (7 replacement, 8 void) from billing",
            description = "Publishes ClaimCorrectionRequested on claims.claim-correction-requested.v1 (through the outbox) and marks the "
                    + "denial CORRECTED. Billing's consumer is a later slice. Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the correction request", content = @Content(schema = @Schema(implementation = ClaimCorrectionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Transition not allowed (/problems/invalid-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "correction-request", idParam = "correctionId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response requestCorrection(@PathParam("id") UUID id, @Valid @NotNull ClaimCorrectionRequest request,
                                      @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                                      @Context UriInfo uri) {
        own(id);
        return CreatedResponses.of(work.requestCorrection(id, request, caller.user(), idempotencyKey), uri);
    }

    @GET
    @Path("/{id}/corrections/{correctionId}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.BILLER, Roles.FRONT_DESK, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read a correction request of the denial")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClaimCorrectionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such correction request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "correction-request", idParam = "correctionId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimCorrectionResponse correction(@PathParam("id") UUID id, @PathParam("correctionId") UUID correctionId) {
        own(id);
        return work.correction(id, correctionId);
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date YYYY-MM-DD");
        }
    }
}
