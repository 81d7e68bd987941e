package org.claimflow.billing.rest;

import org.claimflow.billing.service.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.claimflow.billing.service.PatientAccountService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patients")
public class PatientResource {

    private static final String PRACTICE_DOC = "Deprecated and ignored: the practice is the caller's (token); another practice is refused with 403";

    private final PatientAccountService patients;
    private final Template statementPage;
    private final Caller caller;
    private final AuditRecord record;

    public PatientResource(PatientAccountService patients, @Location("statement.html") Template statementPage, Caller caller,
                           AuditRecord record) {
        this.patients = patients;
        this.statementPage = statementPage;
        this.caller = caller;
        this.record = record;
    }

    /** The account if it is the caller's practice's; another practice's is answered as if it did not exist. */
    private PatientAccountResponse own(UUID accountId) {
        PatientAccountResponse account = patients.get(accountId);
        if (!caller.owns(account.practiceId())) {
            throw new NotFoundException("No patient account with this id.");
        }
        // An account is one patient's at one payer, not one claim's: its audit rows name the patient by member id.
        record.about(null, account.memberId());
        return account;
    }

    @GET
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Find a patient's accounts by practice and member id", description = "One account per payer the member id belongs to.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "memberId missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "patient-account")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PatientAccountResponse> find(@Parameter(description = PRACTICE_DOC, deprecated = true) @QueryParam("practiceId") @Size(max = 64) String practiceId,
                                             @QueryParam("memberId") @NotBlank @Size(max = 80) String memberId) {
        String practice = caller.practice(practiceId);
        // The patient looked up, whether or not the practice has an account of theirs: the search is evidence too.
        record.about(null, memberId);
        return patients.find(practice, memberId);
    }

    @GET
    @Path("/{accountId}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read a patient account and its balance (negative: a credit)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientAccountResponse.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "patient-account", idParam = "accountId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PatientAccountResponse get(@PathParam("accountId") UUID accountId) {
        return own(accountId);
    }

    @POST
    @Path("/{accountId}/payments")
    @RolesAllowed({Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a patient payment", description = "Lowers the patient's balance, never a claim's insurance "
            + "figures. A payment larger than the balance is accepted: creditBalance is true and notice says so.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the payment (a replay answers the same, with Idempotent-Replayed: true)",
            content = @Content(schema = @Schema(implementation = PatientPaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid amount, method or reference (/problems/validation) or malformed JSON", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is being processed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another payment (/problems/idempotency-key-reused)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "patient-payment", idParam = "paymentId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pay(@PathParam("accountId") UUID accountId,
                        @Parameter(description = "Same key and payment: the first answer is replayed, nothing recorded twice")
                        @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) @Pattern(regexp = "[\\x21-\\x7e]+") String idempotencyKey,
                        @NotNull(message = "a payment body is required") @Valid PatientPaymentRequest request,
                        @Context UriInfo uri) {
        own(accountId);
        PatientAccountService.PaymentResult result = patients.pay(accountId, request, idempotencyKey);
        Response.ResponseBuilder builder = Response.status(result.status()).entity(result.body()).type(MediaType.APPLICATION_JSON)
                .location(uri.getBaseUri().resolve(URI.create(result.location())));
        if (result.replayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.build();
    }

    @GET
    @Path("/{accountId}/payments/{paymentId}")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Operation(summary = "Read a recorded patient payment")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PatientPaymentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such payment on this account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "patient-payment", idParam = "paymentId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PatientPaymentResponse payment(@PathParam("accountId") UUID accountId, @PathParam("paymentId") UUID paymentId) {
        own(accountId);
        return patients.payment(accountId, paymentId);
    }

    @GET
    @Path("/{accountId}/statement")
    @RolesAllowed({Roles.PMS_CLIENT, Roles.FRONT_DESK, Roles.BILLER, Roles.ADMIN})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The patient statement: visits, what insurance paid, what the patient owes",
            description = "JSON unless the client prefers text/html (a browser does): then a printable page. Procedure codes "
                    + "only, no CPT descriptions.")
    @APIResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatementResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Audited(object = "patient-account", idParam = "accountId")
    @APIResponse(responseCode = "503", description = AuditFilter.UNAVAILABLE_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response statement(@PathParam("accountId") UUID accountId, @Context HttpHeaders headers) {
        own(accountId);
        StatementResponse statement = patients.statement(accountId);
        if (prefersHtml(headers.getAcceptableMediaTypes())) {
            return Response.ok(statementPage.data("s", statement).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
        return Response.ok(statement, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Acceptable types come sorted by preference; a wildcard (curl, most API clients) gets JSON. */
    static boolean prefersHtml(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return true;
            }
        }
        return false;
    }
}
