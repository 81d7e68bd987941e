package org.claimflow.billing.rest;

/** What an audited request does to its object. */
public enum AuditAction {
    READ, LIST, CREATE, UPDATE, DELETE,
    /** GET: READ when the path names one object, else LIST; POST: CREATE; PUT/PATCH: UPDATE; DELETE: DELETE. */
    FROM_VERB;

    AuditAction resolve(String verb, boolean namesOneObject) {
        if (this != FROM_VERB) {
            return this;
        }
        return switch (verb) {
            case "GET", "HEAD" -> namesOneObject ? READ : LIST;
            case "POST" -> CREATE;
            case "DELETE" -> DELETE;
            default -> UPDATE;
        };
    }
}
