package org.claimflow.billing.rest;

/**
 * The roles a caller's token carries ({@code groups}); each endpoint names the ones it admits with {@code @RolesAllowed}
 * (the table is in the service README).
 */
public final class Roles {

    /** A practice-management system: sends work in, reads its own results. */
    public static final String PMS_CLIENT = "pms-client";
    public static final String CODER = "coder";
    public static final String BILLER = "biller";
    public static final String FRONT_DESK = "front-desk";
    public static final String DENIAL_SPECIALIST = "denial-specialist";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
