package org.claimflow.denial.rest;

import java.util.UUID;

import org.claimflow.denial.domain.DenialCategory;
import org.claimflow.denial.domain.DenialStatus;
import org.claimflow.denial.domain.WorkQueue;
import org.claimflow.denial.service.DenialFilter;
import org.claimflow.denial.service.DenialService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/denials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Denials")
public class DenialResource {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final DenialService denials;

    public DenialResource(DenialService denials) {
        this.denials = denials;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a denial: its codes with their descriptions, classification, deadline, priority and history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DenialResponse.class)))
    @APIResponse(responseCode = "404", description = "No such denial", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DenialResponse get(@PathParam("id") UUID id) {
        return denials.get(id);
    }

    @GET
    @Operation(summary = "List denials, highest priority first (a work queue is queue=…&status=OPEN)",
            description = "Priority is the amount at stake times the urgency of the appeal deadline; ties are oldest first.")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "Invalid query", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageResponse<DenialResponse> list(
            @QueryParam("practiceId") @Size(max = 64) String practiceId,
            @QueryParam("claimId") @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String claimId,
            @Parameter(schema = @Schema(implementation = WorkQueue.class))
            @QueryParam("queue") @Pattern(regexp = "CODING|FRONT_DESK|BILLING", message = "must be CODING, FRONT_DESK or BILLING") String queue,
            @Parameter(schema = @Schema(implementation = DenialStatus.class))
            @QueryParam("status") @Pattern(regexp = "OPEN", message = "must be OPEN") String status,
            @QueryParam("payerId") @Size(max = 80) String payerId,
            @Parameter(schema = @Schema(implementation = DenialCategory.class))
            @QueryParam("category") @Pattern(regexp = "ELIGIBILITY|AUTHORIZATION|CODING|MEDICAL_NECESSITY|TIMELY_FILING|DUPLICATE"
                    + "|COORDINATION_OF_BENEFITS|NON_COVERED|BENEFIT_MAXIMUM|MISSING_INFORMATION|OTHER",
                    message = "must be a denial category") String category,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        DenialFilter filter = new DenialFilter(practiceId, claimId == null ? null : UUID.fromString(claimId),
                queue == null ? null : WorkQueue.valueOf(queue), status == null ? null : DenialStatus.valueOf(status),
                payerId, category == null ? null : DenialCategory.valueOf(category));
        return denials.list(filter, page, size);
    }
}
