package org.claimflow.coding.rest;

import java.net.URI;
import java.util.UUID;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.service.AuditService;
import org.claimflow.coding.service.AuditSubject;
import org.claimflow.coding.service.EncounterService;
import org.claimflow.coding.service.NotFoundException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("/api/v1/encounters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Encounters")
public class EncounterResource {

    private static final String PRACTICE_DOC = "Deprecated and ignored: the practice is the caller's (token); another practice is refused with 403";

    private final EncounterService encounters;
    private final Caller caller;
    private final AuditService audit;
    private final AuditRecord record;

    public EncounterResource(EncounterService encounters, Caller caller, AuditService audit, AuditRecord record) {
        this.encounters = encounters;
        this.caller = caller;
        this.audit = audit;
        this.record = record;
    }

    /** The encounter if it is the caller's practice's; another practice's is answered as if it did not exist. */
    private EncounterResponse own(UUID id) {
        EncounterResponse encounter = encounters.get(id);
        if (!caller.owns(encounter.practiceId())) {
            throw new NotFoundException("No encounter with this id.");
        }
        AuditSubject subject = audit.ofEncounter(id);
        if (subject != null) {
            record.about(subject.claimId(), subject.patientRef());
        }
        return encounter;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PMS_CLIENT, Roles.ADMIN})
    @Operation(summary = "Receive an encounter", description = "Stores the encounter, runs the coding edits and either "
            + "sends it on to billing (CODED) or holds it for a coder (NEEDS_REVIEW). Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the encounter",
            content = @Content(schema = @Schema(implementation = EncounterResponse.class)),
            headers = @Header(name = ServerTiming.HEADER, description = ServerTiming.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "externalId already used by this practice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@Valid @NotNull EncounterRequest request,
                            @Parameter(description = "Client-chosen key; a retry with the same key and body replays the first response")
                            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                            @Context UriInfo uri) {
        EncounterRequest own = request.inPractice(caller.practice(request.practiceId()));
        // The caller's own submission: its row names the patient (member id) whatever the outcome of the intake.
        AuditSubject subject = AuditService.ofRequest(own);
        record.about(subject.claimId(), subject.patientRef());
        EncounterService.IntakeResult result = encounters.receive(own, idempotencyKey);
        Response.ResponseBuilder response = Response.status(result.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(result.body())
                .location(uri.getBaseUri().resolve(URI.create(result.location().substring(1))));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        if (result.editNanos() != null) {
            response.header(ServerTiming.HEADER, ServerTiming.edits(result.editNanos()));
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.BILLER, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read an encounter: status, findings, the claim it became, and its history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "404", description = "No such encounter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse get(@PathParam("id") UUID id) {
        return own(id);
    }

    @GET
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.BILLER, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "List encounters, oldest first (the coder queue is status=NEEDS_REVIEW)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<EncounterResponse> list(@Parameter(description = PRACTICE_DOC, deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId,
                                                @QueryParam("status") EncounterStatus status,
                                                @Parameter(description = "Only encounters with an open (not overridden) ERROR finding of this rule")
                                                @QueryParam("ruleId") @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+") String ruleId,
                                                @Parameter(description = "Only encounters received more than this many days ago")
                                                @QueryParam("olderThanDays") @Min(0) @Max(3650) Integer olderThanDays,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return encounters.list(caller.practice(practiceId), status, ruleId, olderThanDays, page, size);
    }

    @POST
    @Path("/{id}/corrections")
    @RolesAllowed({Roles.CODER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a held encounter", description = "Replaces the given parts (diagnoses, serviceLines, "
            + "placeOfService), runs every edit again and sends the encounter to billing if no error remains.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid correction", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such encounter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in NEEDS_REVIEW or QUERY_PROVIDER", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse correct(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequest correction) {
        own(id);
        return encounters.correct(id, correction, caller.user());
    }

    @POST
    @Path("/{id}/overrides")
    @RolesAllowed({Roles.CODER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override a finding with a reason", description = "The finding no longer holds the encounter; "
            + "if nothing else holds it, it is sent to billing. Some rules can not be overridden (422 /problems/not-overridable).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid override", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such encounter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in NEEDS_REVIEW or QUERY_PROVIDER", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule not overridable, or no such finding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse override(@PathParam("id") UUID id, @Valid @NotNull OverrideRequest override) {
        own(id);
        return encounters.override(id, override.ruleId(), override.lineNumbers(), override.reason(), caller.user());
    }

    @POST
    @Path("/{id}/queries")
    @RolesAllowed({Roles.CODER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a question to the provider", description = "NEEDS_REVIEW → QUERY_PROVIDER until the answer.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "409", description = "Not in NEEDS_REVIEW", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse ask(@PathParam("id") UUID id, @Valid @NotNull ProviderQueryRequest query) {
        own(id);
        return encounters.askProvider(id, query.question(), caller.user());
    }

    @POST
    @Path("/{id}/queries/answer")
    @RolesAllowed({Roles.CODER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the provider's answer", description = "QUERY_PROVIDER → NEEDS_REVIEW; the edits run again "
            + "(and the encounter is sent to billing if nothing holds it any more).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "409", description = "No open query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "encounter", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse answer(@PathParam("id") UUID id, @Valid @NotNull ProviderAnswerRequest answer) {
        own(id);
        return encounters.answerQuery(id, answer.answer(), caller.user());
    }
}
