package org.claimflow.denial.rest;

import java.util.UUID;

import org.claimflow.denial.service.NotFoundException;
import org.claimflow.denial.service.AppealService;
import org.claimflow.denial.service.AuditService;
import org.claimflow.denial.service.AuditSubject;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Appeals of denials (created with POST /api/v1/denials/{id}/appeals): read, print, submit, record the outcome. */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appeals")
public class AppealResource {

    static final String PDF = "application/pdf";

    private final AppealService appeals;
    private final Caller caller;
    private final AuditService audit;
    private final AuditRecord record;

    public AppealResource(AppealService appeals, Caller caller, AuditService audit, AuditRecord record) {
        this.appeals = appeals;
        this.caller = caller;
        this.audit = audit;
        this.record = record;
    }

    /** The appeal if it is the caller's practice's; another practice's is answered as if it did not exist. */
    private AppealResponse own(UUID id) {
        AppealResponse appeal = appeals.get(id);
        if (!caller.owns(appeal.practiceId())) {
            throw new NotFoundException("No appeal with this id.");
        }
        AuditSubject subject = audit.ofDenial(appeal.denialId());
        if (subject != null) {
            record.about(subject.claimId(), subject.patientRef());
        }
        return appeal;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BILLER, Roles.FRONT_DESK, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Read an appeal")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such appeal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "appeal")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppealResponse get(@PathParam("id") UUID id) {
        return own(id);
    }

    @GET
    @Path("/{id}/letter")
    @RolesAllowed({Roles.BILLER, Roles.FRONT_DESK, Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Produces({MediaType.TEXT_HTML, PDF})
    @Operation(summary = "The appeal letter, as HTML or (Accept: application/pdf) as PDF",
            description = "Names the practice, the claim (patient control number, payer claim control number), the lines, the CARC/RARC "
                    + "codes with their descriptions, the amount, the reason for reconsideration, the attachments and the deadline.")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = PDF)})
    @APIResponse(responseCode = "404", description = "No such appeal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Neither HTML nor PDF acceptable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "appeal", action = AuditAction.READ)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response letter(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        own(id);
        if (wantsPdf(headers)) {
            return Response.ok(appeals.letterPdf(id), PDF)
                    .header("Content-Disposition", "inline; filename=\"appeal-" + id + ".pdf\"").build();
        }
        return Response.ok(appeals.letterHtml(id), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Operation(summary = "Record that the appeal was sent to the payer today (the denial becomes APPEALED)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such appeal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already submitted, or the denial cannot be appealed (/problems/invalid-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "appeal", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppealResponse submit(@PathParam("id") UUID id) {
        own(id);
        return appeals.submit(id, caller.user());
    }

    @POST
    @Path("/{id}/outcome")
    @RolesAllowed({Roles.DENIAL_SPECIALIST, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the payer's decision (the denial becomes WON or LOST)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AppealResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request (recoveredAmount is required when WON)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such appeal", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The appeal was not submitted, or already decided (/problems/invalid-transition)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "appeal", action = AuditAction.UPDATE)
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AppealResponse outcome(@PathParam("id") UUID id, @Valid @NotNull AppealOutcomeRequest request) {
        own(id);
        return appeals.decide(id, request, caller.user());
    }

    /** The first acceptable type (by quality) that is HTML or PDF decides; a wildcard gets HTML. */
    private static boolean wantsPdf(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if ("application".equals(type.getType()) && "pdf".equals(type.getSubtype())) {
                return true;
            }
            if (type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
