package org.claimflow.coding.codeset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The edit check's budget (p99 ≤ 5 ms for 10 lines) allows one indexed query per code set, not a scan of the
 * 2.5 M PTP rows: the PTP lookup of a 10-line encounter (90 ordered pairs) must go through the index.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class CodeSetLookupPlanTest {

    /** Ten codes of one dermatology encounter, as the benchmark sends them. */
    private static final List<String> CODES = List.of("99213", "11102", "11103", "11104", "17000", "17003", "17110",
            "12001", "15780", "96372");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void ptpLookupOfATenLineEncounterUsesTheIndex() throws Exception {
        CodeSetsReady.await();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        for (String a : CODES) {
            for (String b : CODES) {
                if (!a.equals(b)) {
                    first.add(a);
                    second.add(b);
                }
            }
        }
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("explain " + CodeSetRepository.PTP_SQL)) {
            ps.setString(1, "ncci-ptp:2024Q3");
            ps.setArray(2, c.createArrayOf("varchar", first.toArray()));
            ps.setArray(3, c.createArrayOf("varchar", second.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }
        assertTrue(plan.toString().contains("ncci_ptp_edit_idx"), plan.toString());
        assertFalse(plan.toString().contains("Seq Scan on ncci_ptp_edit"), plan.toString());
    }
}
