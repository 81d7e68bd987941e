package org.claimflow.coding.rest;

import java.util.List;

import org.claimflow.coding.domain.EncounterStatus;
import org.claimflow.coding.domain.Finding;
import org.claimflow.coding.service.AuditService;
import org.claimflow.coding.service.AuditSubject;
import org.claimflow.coding.service.CodingEditService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/coding/edits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coding edits")
public class CodingEditsResource {

    private final CodingEditService edits;
    private final Caller caller;
    private final AuditRecord record;

    public CodingEditsResource(CodingEditService edits, Caller caller, AuditRecord record) {
        this.edits = edits;
        this.caller = caller;
        this.record = record;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PMS_CLIENT, Roles.CODER, Roles.ADMIN})
    @Operation(summary = "Dry-run the coding edits", description = "Runs every coding edit on an encounter (same body as "
            + "POST /api/v1/encounters) and returns the findings; stores and publishes nothing.")
    @APIResponse(responseCode = "200", description = "The findings and what intake would do",
            content = @Content(schema = @Schema(implementation = CodingEditsResponse.class)),
            headers = @Header(name = ServerTiming.HEADER, description = ServerTiming.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Code sets still loading (/problems/code-sets-loading), or " + AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // A whole encounter in (name, date of birth, member id, diagnoses), findings about that patient's diagnoses,
    // age and sex out: a use and disclosure of PHI although nothing is stored. READ: it creates nothing.
    @Audited(object = "coding-edit", action = AuditAction.READ)
    public Response check(@Valid @NotNull EncounterRequest request) {
        EncounterRequest own = request.inPractice(caller.practice(request.practiceId()));
        AuditSubject subject = AuditService.ofRequest(own);
        record.about(subject.claimId(), subject.patientRef());
        CodingEditService.Run run = edits.run(own);
        List<Finding> findings = run.findings();
        EncounterStatus status = findings.stream().anyMatch(Finding::holds) ? EncounterStatus.NEEDS_REVIEW : EncounterStatus.CODED;
        return Response.ok(new CodingEditsResponse(status, findings), MediaType.APPLICATION_JSON)
                .header(ServerTiming.HEADER, ServerTiming.edits(run.nanos()))
                .build();
    }
}
