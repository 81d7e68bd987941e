package org.claimflow.billing.rest;

import org.claimflow.billing.service.TransientFailures;
import java.util.Comparator;
import java.util.List;

import org.claimflow.billing.service.ConflictException;
import org.claimflow.billing.service.IdempotencyKeyInUseException;
import org.claimflow.billing.service.IdempotencyKeyReusedException;
import org.claimflow.billing.service.InvalidRequestException;
import org.claimflow.billing.service.InvalidX12Exception;
import org.claimflow.billing.service.NotFoundException;
import org.claimflow.billing.service.UnbalancedRemittanceException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error leaves as application/problem+json with a stable type. Messages are written here, never
 * taken from an exception that could carry SQL, class names or patient data.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "/problems/validation", "The request is not valid",
                errors.size() + " field(s) are invalid.", uri, errors);
    }

    @ServerExceptionMapper({UnrecognizedPropertyException.class})
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return problem(400, "/problems/validation", "The request is not valid", "Unknown field.", uri,
                List.of(new Problem.FieldError(path(e), "is not a known field")));
    }

    @ServerExceptionMapper({InvalidFormatException.class, MismatchedInputException.class})
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        return problem(400, "/problems/validation", "The request is not valid", "A field has the wrong type or format.", uri,
                List.of(new Problem.FieldError(path(e), "has the wrong type or format")));
    }

    @ServerExceptionMapper({JsonProcessingException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return problem(400, "/problems/malformed-json", "The request body is not valid JSON",
                "The body could not be read as JSON.", uri, null);
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        // The message is the service's own, about the field: never the value sent.
        return problem(400, "/problems/validation", "The request is not valid", "1 field(s) are invalid.", uri,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response invalidX12(InvalidX12Exception e, UriInfo uri) {
        // The reader's messages name segments and positions, never the data in them.
        return problem(400, "/problems/invalid-x12", "The body is not valid X12", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response unbalanced(UnbalancedRemittanceException e, UriInfo uri) {
        return problem(422, "/problems/unbalanced-remittance", "The remittance does not balance",
                e.violations().size() + " balancing rule(s) do not hold; nothing was posted.", uri, null, e.violations());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(404, "/problems/not-found", "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return problem(409, "/problems/conflict", "Conflict", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e, UriInfo uri) {
        return problem(422, "/problems/idempotency-key-reused", "Idempotency-Key reused", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response idempotencyKeyInUse(IdempotencyKeyInUseException e, UriInfo uri) {
        // Its own type, not /problems/conflict: a client may simply send the same request again, and Retry-After says when.
        Response problem = problem(409, "/problems/idempotency-key-in-use", "Idempotency-Key in use", e.getMessage(), uri, null);
        return Response.fromResponse(problem).header("Retry-After", "1").build();
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        // A concurrent request won a unique constraint (e.g. the same encounter or file): the state is unchanged.
        return problem(409, "/problems/conflict", "Conflict", "The resource already exists.", uri, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Server error" : "Bad request";
        };
        String type = switch (status) {
            case 404 -> "/problems/not-found";
            case 413 -> "/problems/payload-too-large";
            case 415 -> "/problems/unsupported-media-type";
            default -> status >= 500 ? "/problems/server-error" : "/problems/bad-request";
        };
        return problem(status, type, title, title + ".", uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        // A write that lost a race surfaces at commit, wrapped by the transaction manager: still a conflict.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return problem(409, "/problems/conflict", "Conflict",
                        "The resource was changed by another request; read it again and retry.", uri, null);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return problem(409, "/problems/conflict", "Conflict", "The resource already exists.", uri, null);
            }
        }
        if (TransientFailures.isTransient(e)) {
            // The database is restarting or a concurrent change won a race: the client can simply retry.
            LOG.warnf("transient %s handling %s: answered 503", e.getClass().getName(), uri.getPath());
            return Response.fromResponse(problem(503, "/problems/unavailable", "Temporarily unavailable",
                    "The service could not complete the request just now; retry it (with the same Idempotency-Key).", uri, null))
                    .header("Retry-After", "1").build();
        }
        // Logged by type only: the message of an unexpected exception may carry data we must not log.
        LOG.errorf("unexpected %s handling %s", e.getClass().getName(), uri.getPath());
        return problem(500, "/problems/server-error", "Server error",
                "The request could not be processed. Quote the request id when reporting it.", uri, null);
    }

    // Authentication and authorization (issue #8). The caller learns that a token is missing or not accepted (401) or
    // that the role may not do this (403), never which check failed or anything about the data.
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(401, "/problems/unauthorized", "Unauthorized",
                "A valid bearer token is required.", uri, null)).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper({io.quarkus.security.ForbiddenException.class, jakarta.ws.rs.ForbiddenException.class})
    public Response forbidden(RuntimeException e, UriInfo uri) {
        return problem(403, "/problems/forbidden", "Forbidden", "The caller may not do this.", uri, null);
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri,
                                    List<Problem.FieldError> errors) {
        return problem(status, type, title, detail, uri, errors, null);
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri,
                                    List<Problem.FieldError> errors, List<String> violations) {
        String requestId = RequestIdFilter.current();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, uri.getPath(), requestId, errors, violations))
                .build();
    }

    private static String field(ConstraintViolation<?> violation) {
        // Drop the method and parameter nodes ("receive.request.") so the path matches the JSON body.
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            if (i++ < 2 && (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER)) {
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && out.length() > 0 && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getIndex() != null && node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                out.append('[').append(node.getIndex()).append(']');
                continue;
            }
            if (name != null && !name.startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }
}
