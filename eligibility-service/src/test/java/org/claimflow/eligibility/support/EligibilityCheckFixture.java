package org.claimflow.eligibility.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds real-time check request bodies for the sandbox payer's seed members; tests change only what they are about. */
public final class EligibilityCheckFixture {

    /** Inside the sandbox's 2026 plan year, so the answers do not depend on the day the tests run. */
    public static final String DATE_OF_SERVICE = "2026-10-14";
    public static final String PROVIDER_NPI = "1234567893";

    private final Map<String, Object> body = new LinkedHashMap<>();

    private EligibilityCheckFixture(String memberId, String firstName, String lastName, String dateOfBirth, String sex) {
        body.put("practiceId", "demo-practice");
        body.put("payerId", "SANDBOX-PPO");
        body.put("memberId", memberId);
        body.put("subscriber", new LinkedHashMap<>(Map.of("firstName", firstName, "lastName", lastName,
                "dateOfBirth", dateOfBirth, "sex", sex)));
        body.put("dateOfService", DATE_OF_SERVICE);
        body.put("serviceTypeCodes", new ArrayList<>(List.of("30")));
        body.put("providerNpi", PROVIDER_NPI);
    }

    /** Active 2026 PPO Gold: copay 25.00, coinsurance 20 %, deductible met. */
    public static EligibilityCheckFixture ada() {
        return new EligibilityCheckFixture("M123456789", "Ada", "Lovelace", "1980-02-14", "F");
    }

    /** Active 2026 PPO Silver with 100.00 of the deductible left. */
    public static EligibilityCheckFixture alan() {
        return new EligibilityCheckFixture("M555000111", "Alan", "Turing", "1975-06-23", "M");
    }

    /** Medicare Part B, open-ended since 2020; the payer id is longer than an ISA08 can hold. */
    public static EligibilityCheckFixture katherine() {
        return new EligibilityCheckFixture("MCR1EG4TE5MK73", "Katherine", "Johnson", "1945-08-26", "F")
                .with("payerId", "SANDBOX-MEDICARE");
    }

    /** Coverage ended with 2025. */
    public static EligibilityCheckFixture grace() {
        return new EligibilityCheckFixture("M987654321", "Grace", "Brewster", "1950-12-09", "F");
    }

    /** A member id the payer does not know. */
    public static EligibilityCheckFixture unknownMember() {
        return new EligibilityCheckFixture("M000000999", "Nobody", "Known", "1990-01-01", "U");
    }

    public EligibilityCheckFixture with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    @SuppressWarnings("unchecked")
    public EligibilityCheckFixture withSubscriber(String field, Object value) {
        ((Map<String, Object>) body.get("subscriber")).put(field, value);
        return this;
    }

    public String memberId() {
        return (String) body.get("memberId");
    }

    public Map<String, Object> build() {
        return body;
    }
}
