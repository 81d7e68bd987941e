package org.claimflow.sandbox.x12;

/** An NM1 entity: name (organisation, or last name), first name, id qualifier (NM108) and id (NM109). */
public record Party(String name, String firstName, String idQualifier, String id) {

    public static Party of(Segment nm1) {
        return new Party(nm1.element(3), nm1.element(4), nm1.element(8), nm1.element(9));
    }

    public static Party unknown() {
        return new Party("", "", "", "");
    }
}
