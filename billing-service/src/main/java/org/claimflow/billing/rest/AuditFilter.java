package org.claimflow.billing.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.claimflow.billing.domain.AuditEvent;
import org.claimflow.billing.persistence.PracticeScope;
import org.claimflow.billing.service.AuditService;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.json.JsonString;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Writes the audit row of every response of an {@link Audited} endpoint to an authenticated caller with a practice
 * (issue #8), before the response leaves, whatever its status: a refused or not-found attempt is evidence too. When the
 * row cannot be written the response is withheld: a 503 {@code /problems/audit-unavailable} goes out instead, so no
 * patient data leaves unrecorded. A request without a verified practice (401, or a token naming none) is not audited:
 * row-level security showed it nothing.
 * <p>
 * The row is filed under the token's practice explicitly ({@link PracticeScope#call}), so it does not matter which
 * thread the write runs on; it always runs on a worker thread, moved there when the response is finished on the event
 * loop (e.g. a 403 decided before the endpoint's blocking handler).
 */
public class AuditFilter {

    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    static final String PROBLEM_TYPE = "/problems/audit-unavailable";
    /** The OpenAPI description of the 503 every audited endpoint may answer. */
    static final String UNAVAILABLE_DOC = "The audit trail could not record the request, so its result is withheld (/problems/audit-unavailable)";
    private static final java.util.regex.Pattern UUID_TEXT =
            java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AuditService audit;
    private final AuditRecord record;
    private final CurrentIdentityAssociation identity;
    private final Clock clock;

    public AuditFilter(AuditService audit, AuditRecord record, CurrentIdentityAssociation identity, Clock clock) {
        this.audit = audit;
        this.record = record;
        this.identity = identity;
        this.clock = clock;
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        if (audited == null) {
            return Uni.createFrom().voidItem();
        }
        // Read on the request's own thread, where its request context is active.
        String template = template(resource.getResourceClass(), method);
        String verb = request.getMethod();
        String pathId = request.getUriInfo().getPathParameters().getFirst(audited.idParam());
        java.util.UUID claimId = record.claimId();
        String patientRef = record.patientRef();
        String requestId = RequestIdFilter.of(request);
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .flatMap(caller -> {
                    AuditEvent event = event(caller, audited, verb, template, pathId, response, claimId, patientRef, requestId);
                    if (event == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (BlockingOperationControl.isBlockingAllowed()) {
                        write(event, request, response);
                        return Uni.createFrom().voidItem();
                    }
                    return Uni.createFrom().item(() -> {
                        write(event, request, response);
                        return (Void) null;
                    }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
                });
    }

    private AuditEvent event(SecurityIdentity caller, Audited audited, String verb, String template, String pathId,
                             ContainerResponseContext response, UUID claimId, String patientRef, String requestId) {
        if (caller == null || caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        String practice = text(token.getClaim("practice"));
        if (practice == null || practice.isBlank() || "*".equals(practice) || practice.length() > 64) {
            return null;
        }
        int status = response.getStatus();
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = clock.instant();
        event.practiceId = practice;
        event.actor = actor(token);
        event.roles = String.join(",", new TreeSet<>(caller.getRoles()));
        boolean namesOne = template.contains("{" + audited.idParam() + "}");
        event.action = audited.action().resolve(verb, namesOne).name();
        event.endpoint = cut(verb + " " + template, 200);
        event.objectType = audited.object();
        event.objectId = objectId(pathId, status, response);
        event.claimId = claimId;
        event.patientRef = patientRef == null ? null : cut(patientRef, 80);
        event.outcome = outcome(status);
        event.status = (short) status;
        event.requestId = requestId;
        return event;
    }

    private void write(AuditEvent event, ContainerRequestContext request, ContainerResponseContext response) {
        try {
            PracticeScope.run(event.practiceId, () -> audit.record(event));
        } catch (RuntimeException e) {
            // Ids and codes only: the exception's message may carry statement values.
            LOG.errorf("audit row %s not written for %s (%s, SQL state %s): response %d withheld, 503 sent",
                    event.id, event.endpoint, e.getClass().getName(), sqlState(e), event.status);
            withhold(request, response);
        }
    }

    /** Replaces whatever the response carried by a problem that names no data. */
    private static void withhold(ContainerRequestContext request, ContainerResponseContext response) {
        for (String header : List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.CONTENT_LENGTH, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, "Idempotent-Replayed")) {
            response.getHeaders().remove(header);
        }
        response.setStatus(503);
        Problem problem = new Problem(PROBLEM_TYPE, "Audit trail unavailable", 503,
                "The request could not be recorded in the audit trail, so its result is withheld. Quote the request id when reporting it.",
                request.getUriInfo().getPath(), RequestIdFilter.of(request), null, null);
        response.setEntity(problem, new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
    }

    /** The path's id; else, for a created object, the last segment of its Location. Only ever a UUID. */
    private static String objectId(String pathId, int status, ContainerResponseContext response) {
        String id = pathId;
        if (id == null && status >= 200 && status < 300) {
            URI location = response.getLocation();
            if (location != null && location.getPath() != null) {
                String path = location.getPath();
                id = path.substring(path.lastIndexOf('/') + 1);
            }
        }
        // A path value that is not an id (a mistyped or probing request) is left out rather than recorded as text.
        return id != null && UUID_TEXT.matcher(id).matches() ? id.toLowerCase() : null;
    }

    static String outcome(int status) {
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        return switch (status) {
            case 403 -> "DENIED";
            case 404 -> "NOT_FOUND";
            default -> status >= 500 ? "FAILED" : "REJECTED";
        };
    }

    /** {@code /api/v1/patients/{accountId}/payments/{paymentId}}: the class's and the method's {@code @Path}, never actual values. */
    static String template(Class<?> type, Method method) {
        Path onClass = type.getAnnotation(Path.class);
        Path onMethod = method.getAnnotation(Path.class);
        String path = (onClass == null ? "" : "/" + onClass.value()) + (onMethod == null ? "" : "/" + onMethod.value());
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** As {@link Caller#user()}: {@code upn}, else {@code sub}. */
    private static String actor(JsonWebToken token) {
        String upn = text(token.getClaim("upn"));
        String user = upn != null && !upn.isBlank() ? upn : token.getSubject();
        return user == null || user.isBlank() ? "(unnamed)" : cut(user, Caller.MAX_USER);
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString json) {
            return json.getString();
        }
        return claim == null ? null : claim.toString();
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "none";
    }
}
