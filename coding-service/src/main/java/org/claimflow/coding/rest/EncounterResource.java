package org.claimflow.coding.rest;

import java.net.URI;
import java.util.UUID;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.service.EncounterService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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

    private final EncounterService encounters;

    public EncounterResource(EncounterService encounters) {
        this.encounters = encounters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an encounter", description = "Stores the encounter, runs the coding edits and either "
            + "sends it on to billing (CODED) or holds it for a coder (NEEDS_REVIEW). Send an Idempotency-Key to retry safely.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the encounter",
            content = @Content(schema = @Schema(implementation = EncounterResponse.class)),
            headers = @Header(name = ServerTiming.HEADER, description = ServerTiming.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "externalId already used by this practice", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@Valid @NotNull EncounterRequest request,
                            @Parameter(description = "Client-chosen key; a retry with the same key and body replays the first response")
                            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                            @Context UriInfo uri) {
        EncounterService.IntakeResult result = encounters.receive(request, idempotencyKey);
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
    @Operation(summary = "Read an encounter: status, findings, the claim it became, and its history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "404", description = "No such encounter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse get(@PathParam("id") UUID id) {
        return encounters.get(id);
    }

    @GET
    @Operation(summary = "List encounters, oldest first (the coder queue is status=NEEDS_REVIEW)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<EncounterResponse> list(@QueryParam("practiceId") @Size(max = 64) String practiceId,
                                                @QueryParam("status") EncounterStatus status,
                                                @Parameter(description = "Only encounters with an open (not overridden) ERROR finding of this rule")
                                                @QueryParam("ruleId") @Size(max = 64) @Pattern(regexp = "[A-Z0-9_]+") String ruleId,
                                                @Parameter(description = "Only encounters received more than this many days ago")
                                                @QueryParam("olderThanDays") @Min(0) @Max(3650) Integer olderThanDays,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return encounters.list(practiceId, status, ruleId, olderThanDays, page, size);
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a held encounter", description = "Replaces the given parts (diagnoses, serviceLines, "
            + "placeOfService), runs every edit again and sends the encounter to billing if no error remains.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid correction", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such encounter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in NEEDS_REVIEW or QUERY_PROVIDER", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse correct(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequest correction,
                                     @Parameter(description = "Who acts (recorded in the history)")
                                     @HeaderParam("X-User") @DefaultValue("unknown") @Size(min = 1, max = 64) String user) {
        return encounters.correct(id, correction, user);
    }

    @POST
    @Path("/{id}/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Override a finding with a reason", description = "The finding no longer holds the encounter; "
            + "if nothing else holds it, it is sent to billing. Some rules can not be overridden (422 /problems/not-overridable).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid override", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such encounter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in NEEDS_REVIEW or QUERY_PROVIDER", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rule not overridable, or no such finding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse override(@PathParam("id") UUID id, @Valid @NotNull OverrideRequest override,
                                      @HeaderParam("X-User") @DefaultValue("unknown") @Size(min = 1, max = 64) String user) {
        return encounters.override(id, override.ruleId(), override.lineNumbers(), override.reason(), user);
    }

    @POST
    @Path("/{id}/queries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a question to the provider", description = "NEEDS_REVIEW → QUERY_PROVIDER until the answer.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "409", description = "Not in NEEDS_REVIEW", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse ask(@PathParam("id") UUID id, @Valid @NotNull ProviderQueryRequest query,
                                 @HeaderParam("X-User") @DefaultValue("unknown") @Size(min = 1, max = 64) String user) {
        return encounters.askProvider(id, query.question(), user);
    }

    @POST
    @Path("/{id}/queries/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the provider's answer", description = "QUERY_PROVIDER → NEEDS_REVIEW; the edits run again "
            + "(and the encounter is sent to billing if nothing holds it any more).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = EncounterResponse.class)))
    @APIResponse(responseCode = "409", description = "No open query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EncounterResponse answer(@PathParam("id") UUID id, @Valid @NotNull ProviderAnswerRequest answer,
                                    @HeaderParam("X-User") @DefaultValue("unknown") @Size(min = 1, max = 64) String user) {
        return encounters.answerQuery(id, answer.answer(), user);
    }
}
