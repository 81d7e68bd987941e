package org.claimflow.eligibility.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Set;

import org.claimflow.eligibility.support.ClaimAssembledFixture;
import org.claimflow.eligibility.support.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * Consumer contract: the ClaimAssembled events our tests feed the consumer are events billing may publish,
 * checked against billing's own schema file in this repository.
 */
class ClaimAssembledContractTest {

    @Test
    void ourSampleClaimAssembledForAdaMatchesBillingsSchema() {
        EventSchemas.assertValid(EventSchemas.CLAIM_ASSEMBLED, ClaimAssembledFixture.officeVisitForAda().json());
    }

    @Test
    void ourSampleClaimAssembledForGraceMatchesBillingsSchema() {
        EventSchemas.assertValid(EventSchemas.CLAIM_ASSEMBLED, ClaimAssembledFixture.officeVisitForGrace().json());
    }

    @Test
    void billingsSchemaRefusesAClaimWithoutAMemberId() {
        // Guards the check above: the schema really constrains what we read.
        Set<String> problems = EventSchemas.problems(EventSchemas.CLAIM_ASSEMBLED,
                ClaimAssembledFixture.officeVisitForAda().with("memberId", null).json());
        assertFalse(problems.isEmpty());
    }
}
