package org.claimflow.sandbox.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.claimflow.sandbox.fault.FaultSwitch;
import org.claimflow.sandbox.seed.SeedRepository;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sandbox controls", description = "Sandbox-only switches and seed data; no real payer has these")
public class SandboxResource {

    private final FaultSwitch faults;
    private final SeedRepository seed;

    SandboxResource(FaultSwitch faults, SeedRepository seed) {
        this.faults = faults;
        this.seed = seed;
    }

    @PUT
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Switch a fault on the /x12 endpoints: NONE, DOWN (503) or SLOW (delayMillis)")
    @APIResponse(responseCode = "200", description = "The fault now in force")
    @APIResponse(responseCode = "400", description = "Invalid settings", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FaultSettingsResponse setFaults(@Valid @NotNull FaultSettingsRequest request) {
        long delay = request.delayMillis() == null ? 0 : request.delayMillis();
        return FaultSettingsResponse.of(faults.set(request.mode(), delay));
    }

    @GET
    @Path("/faults")
    @Operation(summary = "The fault now in force")
    public FaultSettingsResponse faults() {
        return FaultSettingsResponse.of(faults.current());
    }

    @GET
    @Path("/members")
    @Operation(summary = "The seed members (fictional test data)")
    public List<MemberResponse> members() {
        return seed.members().stream().map(MemberResponse::of).toList();
    }
}
