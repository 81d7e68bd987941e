package org.claimflow.sandbox.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.claimflow.sandbox.mailbox.Mailbox;
import org.claimflow.sandbox.mailbox.MailboxFile;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/mailbox")
@Tag(name = "Mailbox", description = "277CA and 835 files waiting for the provider side")
public class MailboxResource {

    private final Mailbox mailbox;

    MailboxResource(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List files not yet acknowledged, oldest first")
    public MailboxResponse list() {
        return new MailboxResponse(mailbox.visible().stream().map(MailboxItemResponse::of).toList());
    }

    @GET
    @Path("/{id}")
    @Produces(X12Resource.EDI_X12)
    @Operation(summary = "Fetch one file's X12 text")
    @APIResponse(responseCode = "200", description = "The X12 file", content = @Content(mediaType = X12Resource.EDI_X12, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "404", description = "No such file (or already acknowledged)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response fetch(@PathParam("id") String id) {
        MailboxFile file = parse(id).flatMap(mailbox::find)
                .orElseThrow(() -> ProblemException.notFound("Mailbox file " + id));
        return Response.ok(file.content(), X12Resource.EDI_X12).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Acknowledge (remove) a file; idempotent")
    @APIResponse(responseCode = "204", description = "Removed, or was not there")
    public void acknowledge(@PathParam("id") String id) {
        parse(id).ifPresent(mailbox::acknowledge);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
