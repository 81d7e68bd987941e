package org.claimflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./claimflow faults}: starts a whole system of its own (free ports, a fresh work directory under
 * {@code .claimflow/faults}), runs {@link FaultInjection} against it, prints the report and exits 1 when an
 * invariant broke.
 *
 * <pre>
 * ./claimflow faults [--encounters 10000] [--kills 3] [--rate 10] [--clients 8] [--poison-every 100] [--drain-minutes 2]
 * </pre>
 * Defaults are the documented full run (10,000 encounters, each service killed 3 times); CI runs
 * {@link FaultInjection.Settings#ci()} (2,000 encounters, each service killed once) from the system tests.
 */
public final class FaultRun {

    private FaultRun() {
    }

    public static void main(String[] args) throws Exception {
        FaultInjection.Settings s = FaultInjection.Settings.full();
        int encounters = s.encounters();
        int kills = s.killsPerService();
        int rate = s.ratePerSecond();
        int clients = s.clients();
        int poisonEvery = s.poisonEvery();
        long drainMinutes = s.drainLimit().toMinutes();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--encounters" -> encounters = Integer.parseInt(args[++i]);
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--poison-every" -> poisonEvery = Integer.parseInt(args[++i]);
                case "--drain-minutes" -> drainMinutes = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        FaultInjection.Settings settings = new FaultInjection.Settings(encounters, kills, clients, rate, poisonEvery,
                Duration.ofMinutes(drainMinutes));
        Path root = ServiceProcess.projectRoot();
        Path work = root.resolve(".claimflow/faults");
        ClaimflowSystem.deleteTree(work);
        Files.createDirectories(work);
        System.out.println("Starting a Claimflow system for the fault-injection run (logs in " + work.resolve("logs") + ")");
        boolean ok;
        try (ClaimflowSystem system = new ClaimflowSystem(ClaimflowSystem.Options.isolated(root, work)).stopOnExit()
                .start(step -> System.out.println("  starting " + step))) {
            FaultInjection.Report report = new FaultInjection(system, settings, System.out::println).run();
            System.out.print(report.summary());
            ok = report.ok();
        }
        if (!ok) {
            System.exit(1);
        }
    }
}
