package org.claimflow.denial.service;

import static org.claimflow.denial.support.RoutedDenials.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimflow.denial.support.ClaimAdjudicatedFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.Postgres;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The nightly priority refresh works across practices by nature: under row-level security it must still reach the open
 * denials of every practice (issue #8).
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "denial"))
class PriorityRefreshTest {

    @Inject
    DenialService denials;

    @Test
    void theNightlyRefreshRecomputesTheOpenDenialsOfEveryPractice() throws SQLException {
        List<String> ids = List.of(
                route(ClaimAdjudicatedFixture.lineDenied("CO", "50").practice("refresh-a-" + UUID.randomUUID().toString().substring(0, 8))),
                route(ClaimAdjudicatedFixture.lineDenied("CO", "50").practice("refresh-b-" + UUID.randomUUID().toString().substring(0, 8))));
        Map<String, BigDecimal> routed = priorities(ids);
        try (Connection owner = owner();
             PreparedStatement forget = owner.prepareStatement("update denial set priority = 0 where id = cast(? as uuid)")) {
            for (String id : ids) {
                forget.setString(1, id);
                forget.executeUpdate();
            }
        }

        denials.refreshPriorities();

        Map<String, BigDecimal> refreshed = priorities(ids);
        assertEquals(routed, refreshed);
        refreshed.values().forEach(p -> assertTrue(p.signum() > 0, "priority " + p));
    }

    /** The stored priorities as the tables' owner sees them (every practice). */
    private static Map<String, BigDecimal> priorities(List<String> ids) throws SQLException {
        Map<String, BigDecimal> priorities = new LinkedHashMap<>();
        try (Connection owner = owner();
             PreparedStatement read = owner.prepareStatement("select priority from denial where id = cast(? as uuid)")) {
            for (String id : ids) {
                read.setString(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    priorities.put(id, rs.getBigDecimal(1));
                }
            }
        }
        return priorities;
    }

    private static Connection owner() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, Postgres.USER, "postgres");
    }
}
