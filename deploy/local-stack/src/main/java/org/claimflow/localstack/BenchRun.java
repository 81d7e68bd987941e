package org.claimflow.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./claimflow bench}: starts a whole system of its own (free ports, a fresh work directory under
 * {@code .claimflow/bench}), runs {@link Benchmark} against it, prints the report and writes it to
 * {@code .claimflow/bench/report.txt}.
 *
 * <pre>
 * ./claimflow bench [--rate 20] [--seconds 300] [--max-clients 32] [--max-seconds 120] [--warmup-seconds 60]
 *                   [--drain-seconds 180] [--no-ceiling] [--overload 2] [--jit c1|tiered]
 * </pre>
 * {@code --jit tiered} runs the services with C2 as well (the local stack's default is C1 only, see ServiceProcess).
 */
public final class BenchRun {

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark.Settings d = Benchmark.Settings.defaults();
        double rate = d.rate();
        long seconds = d.duration().toSeconds();
        int maxClients = d.maxClients();
        long maxSeconds = d.maxDuration().toSeconds();
        long warmup = d.warmup().toSeconds();
        long drain = d.drainLimit().toSeconds();
        boolean ceiling = d.ceiling();
        double overload = d.overload();
        boolean tieredJit = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--seconds" -> seconds = Long.parseLong(args[++i]);
                case "--max-clients" -> maxClients = Integer.parseInt(args[++i]);
                case "--max-seconds" -> maxSeconds = Long.parseLong(args[++i]);
                case "--warmup-seconds" -> warmup = Long.parseLong(args[++i]);
                case "--drain-seconds" -> drain = Long.parseLong(args[++i]);
                case "--no-ceiling" -> ceiling = false;
                case "--overload" -> overload = Double.parseDouble(args[++i]);
                case "--jit" -> tieredJit = switch (args[++i]) {
                    case "tiered" -> true;
                    case "c1" -> false;
                    default -> {
                        System.err.println("--jit takes c1 or tiered");
                        System.exit(2);
                        yield false;
                    }
                };
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Benchmark.Settings settings = new Benchmark.Settings(rate, Duration.ofSeconds(seconds), maxClients, Duration.ofSeconds(maxSeconds),
                Duration.ofSeconds(warmup), Duration.ofSeconds(drain), ceiling, overload);
        Path root = ServiceProcess.projectRoot();
        Path work = root.resolve(".claimflow/bench");
        ClaimflowSystem.deleteTree(work);
        Files.createDirectories(work);
        System.out.println("Starting a Claimflow system for the benchmark (logs in " + work.resolve("logs") + ")");
        ClaimflowSystem.Options options = ClaimflowSystem.Options.isolated(root, work);
        try (ClaimflowSystem system = new ClaimflowSystem(tieredJit ? options.withTieredJit() : options).stopOnExit()
                .start(step -> System.out.println("  starting " + step))) {
            String report = new Benchmark(system, settings, System.out::println).run();
            System.out.print(report);
            Files.writeString(work.resolve("report.txt"), report);
            System.out.println("Report written to " + work.resolve("report.txt"));
        }
    }
}
