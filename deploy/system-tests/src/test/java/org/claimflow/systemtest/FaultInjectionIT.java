package org.claimflow.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.claimflow.localstack.ClaimflowSystem;
import org.claimflow.localstack.FaultInjection;
import org.claimflow.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #7 at CI size: 2,000 encounters through the REST API while every service is killed with -9 once, one is
 * restarted cleanly, the broker is bounced and PostgreSQL restarted. Runs on a system of its own (faults must not
 * leak into the other end-to-end classes), before them (failsafe runs classes in alphabetical order).
 */
class FaultInjectionIT {

    private static ClaimflowSystem system;

    @BeforeAll
    static void startASystemToBreak() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "faults-");
        system = new ClaimflowSystem(ClaimflowSystem.Options.isolated(ServiceProcess.projectRoot(), work))
                .start(step -> System.out.println("starting " + step));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void noAcknowledgedEncounterIsLostOrDuplicatedWhileEveryPartCrashes() throws Exception {
        FaultInjection.Settings settings = FaultInjection.Settings.ci();
        FaultInjection.Report report = new FaultInjection(system, settings, System.out::println).run();
        System.out.print(report.summary());

        assertEquals(List.of(), report.violations(), report.summary());
        assertEquals(settings.encounters(), report.acknowledged(), "every encounter was acknowledged after client retries");
        assertTrue(report.faults().size() >= ClaimflowSystem.SERVICES.size() + 3, "every failure mode ran: " + report.faults());
        assertTrue(report.poisonRecords() >= settings.encounters() / settings.poisonEvery() - 1, "poison was injected");
        assertEquals(report.poisonRecords(), report.deadLettered(), "exactly the poisoned records were dead-lettered");
        assertTrue(report.outcomes().getOrDefault("PAID", 0) > settings.encounters() / 2, report.outcomes().toString());
        assertTrue(report.outcomes().getOrDefault("HELD_FOR_CODING", 0) > 0, report.outcomes().toString());
        assertTrue(report.outcomes().getOrDefault("NOT_ELIGIBLE", 0) > 0, report.outcomes().toString());
        assertTrue(report.outcomes().getOrDefault("DENIED", 0) > 0, report.outcomes().toString());
    }
}
