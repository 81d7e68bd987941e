package org.claimflow.billing.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint returns or changes patient data: every response of it, whatever its outcome, is written to the audit
 * trail before it leaves ({@link AuditFilter}; issue #8). Every resource method is either this or {@link NotAudited}
 * (ArchitectureTest).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The object type recorded, e.g. {@code claim}. */
    String object();

    /** The path parameter that names the object; absent from the path: the id of a created object's Location. */
    String idParam() default "id";

    /** What the request does; by default from the verb and whether the path names one object. */
    AuditAction action() default AuditAction.FROM_VERB;
}
