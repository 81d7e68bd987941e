package org.claimflow.sandbox.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.claimflow.sandbox.fault.PayerUnavailableException;
import org.claimflow.sandbox.x12.InvalidX12Exception;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problems. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final ObjectMapper mapper;

    ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response invalidX12(InvalidX12Exception e) {
        return respond(new Problem("/problems/invalid-x12", "Body is not a readable X12 interchange", 400, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response payerDown(PayerUnavailableException e) {
        Response response = respond(new Problem("/problems/payer-unavailable", "Payer unavailable", 503,
                "The sandbox fault switch is DOWN (sandbox only: PUT /sandbox/faults to change it)"));
        return Response.fromResponse(response).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        return respond(new Problem("/problems/validation", "Request is not valid", 400,
                "See errors for the fields to correct", errors));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return invalidJson();
    }

    /** Named apart from its parent type so that it wins over the mapper Quarkus ships for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return invalidJson();
    }

    private Response invalidJson() {
        return respond(new Problem("/problems/invalid-json", "Body is not valid JSON for this request", 400,
                "Check field names, types and enum values"));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, title));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected error", e);
        return respond(new Problem("/problems/internal", "Internal error", 500, "The sandbox failed; see its log"));
    }

    private Response respond(Problem problem) {
        try {
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                    .entity(mapper.writeValueAsString(problem)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record always serializes", e);
        }
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
