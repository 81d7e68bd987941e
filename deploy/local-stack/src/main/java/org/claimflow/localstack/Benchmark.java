package org.claimflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The throughput benchmark (issue #9): drives encounters through the REST API of a whole system at a fixed rate and
 * then at the most a pool of back-to-back clients can push, with the realistic mix of the fault run (most clean and
 * paid, some held by coding edits, some not eligible, some denied), and measures the machine's own ceiling beside it.
 *
 * <p>Per phase it reports encounters accepted per second, claims completed per second end to end, latency percentiles
 * of the intake call and of encounter → submitted and encounter → adjudicated (from the services' own timestamps),
 * CPU and memory per process, consumer lag over time, the database transactions and Kafka messages one claim cost,
 * and the load generator's own CPU so that it can be subtracted.
 */
public final class Benchmark {

    /**
     * @param rate         encounters per second in the fixed-rate phase (open loop: sent on schedule, whatever the answers)
     * @param duration     how long the fixed-rate phase sends
     * @param maxClients   clients sending back to back in the maximum phase (0: skip the phase)
     * @param maxDuration  how long the maximum phase sends
     * @param warmup       a phase at a quarter of the rate first, not reported, so that the JVMs are warm
     * @param drainLimit   how long after sending a phase may take to finish its claims
     * @param ceiling      measure Kafka's and PostgreSQL's own rates first
     * @param overload     after the maximum phase, send open loop at this multiple of the capacity it measured, one
     *                     attempt per encounter, for {@code maxDuration}, counting what was shed (0: skip)
     */
    public record Settings(double rate, Duration duration, int maxClients, Duration maxDuration, Duration warmup,
                           Duration drainLimit, boolean ceiling, double overload) {

        public static Settings defaults() {
            return new Settings(20, Duration.ofMinutes(5), 32, Duration.ofMinutes(2), Duration.ofSeconds(60),
                    Duration.ofMinutes(3), true, 2);
        }
    }

    private final ClaimflowSystem system;
    private final Settings settings;
    private final Consumer<String> log;
    private final EncounterTraffic traffic;

    public Benchmark(ClaimflowSystem system, Settings settings, Consumer<String> log) {
        this.system = system;
        this.settings = settings;
        this.log = log;
        this.traffic = new EncounterTraffic(system.url("coding-service"), system.pmsClient());
    }

    /** Runs the ceiling measurements and the phases; returns the printable report. */
    public String run() throws Exception {
        StringBuilder report = new StringBuilder();
        report.append(String.format("Claimflow throughput benchmark, %s, %d cores, services' heap %s, JIT %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), system.options().serviceHeap(),
                system.options().tieredJit() ? "tiered (C1 + C2)" : "C1 only"));
        if (settings.ceiling()) {
            log.accept("measuring the machine's ceiling: Kafka ProducerPerformance, PostgreSQL single-row transactions");
            report.append(kafkaCeiling()).append(postgresCeiling());
        }
        if (!settings.warmup().isZero()) {
            log.accept("warm-up: " + settings.warmup().toSeconds() + " s at " + settings.rate() / 4 + "/s (not reported)");
            phase("warm-up", settings.rate() / 4, 0, settings.warmup(), false);
        }
        report.append(phase(String.format("fixed rate %.0f/s for %d s", settings.rate(), settings.duration().toSeconds()),
                settings.rate(), 0, settings.duration(), false));
        if (settings.maxClients() > 0) {
            report.append(phase(String.format("maximum: %d clients back to back for %d s", settings.maxClients(),
                    settings.maxDuration().toSeconds()), 0, settings.maxClients(), settings.maxDuration(), false));
            if (settings.overload() > 0 && capacity > 0) {
                double rate = settings.overload() * capacity;
                report.append(phase(String.format("overload: %.0f/s (%.1f x the %.1f/s accepted at maximum), one attempt each, for %d s",
                        rate, settings.overload(), capacity, settings.maxDuration().toSeconds()), rate, 0, settings.maxDuration(), true));
            }
        }
        return report.toString();
    }

    // ---------------------------------------------------------------- one phase

    private record Sent(String externalId, String encounterId, Instant sentAt, Duration intake, int status) {

        boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    /** Encounters accepted per second in the last maximum phase: the capacity an overload run doubles. */
    private double capacity;

    /**
     * Sends for {@code length}: at {@code rate} per second (open loop) when rate &gt; 0, else with {@code clients} clients
     * back to back (closed loop); then waits for the claims to finish and measures.
     */
    private String phase(String name, double rate, int clients, Duration length, boolean onceEach) throws Exception {
        String runId = "BM" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
        List<DemoRunner.Scenario> mix = EncounterTraffic.mix();
        Snapshot before = snapshot();
        long loadCpuBefore = ownCpuNanos();
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        List<String> lagSeries = Collections.synchronizedList(new ArrayList<>());
        Instant start = Instant.now();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> lagSeries.add(String.format("%ds:%d", Duration.between(start, Instant.now()).toSeconds(),
                totalLag())), 5, 5, TimeUnit.SECONDS);
        // Open loop needs enough clients that a slow answer does not delay the next send.
        // An overload run must keep sending on schedule while answers slow down: room for two seconds of calls.
        int pool = rate > 0 ? (int) Math.min(512, Math.max(8, Math.ceil(rate / (onceEach ? 0.5 : 5)))) : clients;
        ExecutorService senders = Executors.newFixedThreadPool(pool);
        AtomicInteger next = new AtomicInteger();
        Instant end = start.plus(length);
        for (int c = 0; c < pool; c++) {
            senders.submit(() -> {
                while (true) {
                    int i = next.getAndIncrement();
                    if (rate > 0) {
                        if (i >= (long) (rate * length.toMillis() / 1000.0)) {
                            return null;
                        }
                        EncounterTraffic.pace(start, i, rate);
                    } else if (Instant.now().isAfter(end)) {
                        return null;
                    }
                    String externalId = runId + "-" + i;
                    Instant at = Instant.now();
                    DemoRunner.Scenario scenario = mix.get(i % mix.size());
                    EncounterTraffic.Outcome o = onceEach ? traffic.sendOnce(scenario, externalId)
                            : traffic.send(scenario, externalId, Duration.ofSeconds(60));
                    sent.add(new Sent(externalId, o.encounterId(), at, o.firstAttempt(), o.status()));
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(length.toSeconds() + 600, TimeUnit.SECONDS);
        Instant sendingDone = Instant.now();
        long loadCpu = ownCpuNanos() - loadCpuBefore;
        log.accept(String.format("%s: %d encounters sent in %d s; waiting for their claims", name, sent.size(),
                Duration.between(start, sendingDone).toSeconds()));
        int unfinished = waitForClaims(runId, sent, sendingDone.plus(settings.drainLimit()));
        sampler.shutdownNow();
        Snapshot after = snapshot();
        return describe(name, runId, start, sendingDone, sent, unfinished, before, after, loadCpu, lagSeries);
    }

    private String describe(String name, String runId, Instant start, Instant sendingDone, List<Sent> sent, int unfinished,
                            Snapshot before, Snapshot after, long loadCpuNanos, List<String> lagSeries) throws SQLException {
        List<Sent> acked = sent.stream().filter(Sent::acknowledged).toList();
        double sendSeconds = Duration.between(start, sendingDone).toMillis() / 1000.0;
        Map<String, Instant> created = timestamps("coding", "select id::text, created_at from encounter where external_id like ?", runId);
        Map<String, Instant> submitted = timestamps("billing", """
                select c.encounter_id::text, min(e.occurred_at) from claim c join claim_event e on e.claim_id = c.id
                where c.external_id like ? and c.frequency_code = '1' and e.kind = 'SUBMITTED' group by c.encounter_id""", runId);
        Map<String, Instant> adjudicated = timestamps("billing", """
                select c.encounter_id::text, min(e.occurred_at) from claim c join claim_event e on e.claim_id = c.id
                where c.external_id like ? and c.frequency_code = '1' and e.kind in ('PAID', 'PARTIALLY_DENIED', 'DENIED')
                group by c.encounter_id""", runId);
        Map<String, Instant> notEligible = timestamps("billing", """
                select c.encounter_id::text, min(e.occurred_at) from claim c join claim_event e on e.claim_id = c.id
                where c.external_id like ? and c.frequency_code = '1' and e.kind = 'NOT_ELIGIBLE' group by c.encounter_id""", runId);
        long denials = denialsFor(created.keySet());
        List<Long> intake = new ArrayList<>();
        acked.forEach(s -> intake.add(s.intake().toMillis()));
        List<Long> toSubmitted = between(created, submitted);
        List<Long> toAdjudicated = between(created, adjudicated);
        Instant lastDone = start;
        for (Map<String, Instant> m : List.of(adjudicated, notEligible)) {
            for (Instant at : m.values()) {
                lastDone = at.isAfter(lastDone) ? at : lastDone;
            }
        }
        int completed = adjudicated.size() + notEligible.size();
        double completeSeconds = Math.max(0.001, Duration.between(start, lastDone).toMillis() / 1000.0);
        long claims = Math.max(1, completed);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n== %s (run %s)%n", name, runId));
        out.append(String.format("  encounters sent %d, accepted %d: %.1f accepted/s over %.0f s%n", sent.size(), acked.size(),
                acked.size() / sendSeconds, sendSeconds));
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        sent.forEach(s -> statuses.merge(s.status(), 1, Integer::sum));
        out.append("  answers by status (0 = no answer): ").append(statuses).append('\n');
        if (name.startsWith("maximum")) {
            capacity = acked.size() / sendSeconds;
        }
        out.append(String.format("  claims completed end to end %d (adjudicated %d, not eligible %d; claims with denials routed %d): %.1f/s from the first "
                + "send to the last completion (%.0f s); not finished within the drain limit: %d%n", completed, adjudicated.size(),
                notEligible.size(), denials, completed / completeSeconds, completeSeconds, unfinished));
        out.append("  latency ms            p50     p95     p99     max\n");
        out.append(percentiles("  intake call        ", intake));
        out.append(percentiles("  encounter→submitted", toSubmitted));
        out.append(percentiles("  encounter→adjudic. ", toAdjudicated));
        out.append(stages(runId, created));
        out.append(String.format("  per claim: %.1f database transactions (all four databases), %.1f Kafka messages%n",
                (after.commits() - before.commits()) / (double) claims, (after.messages() - before.messages()) / (double) claims));
        out.append("  CPU seconds (share of the phase on 2 cores) and resident memory at the end:\n");
        double phaseSeconds = Math.max(0.001, (after.at().toEpochMilli() - before.at().toEpochMilli()) / 1000.0);
        for (String process : after.cpuMillis().keySet()) {
            long cpu = after.cpuMillis().get(process) - before.cpuMillis().getOrDefault(process, 0L);
            out.append(String.format("    %-20s %7.1f s  %5.1f%%  %6d MiB%n", process, cpu / 1000.0,
                    100.0 * cpu / 1000.0 / phaseSeconds / Runtime.getRuntime().availableProcessors(),
                    after.rssMiB().getOrDefault(process, 0L)));
        }
        out.append(String.format("    %-20s %7.1f s  (the load generator, to subtract)%n", "load generator", loadCpuNanos / 1e9));
        out.append("  consumer lag (records, every 5 s): ").append(String.join(" ", lagSeries)).append('\n');
        return out.toString();
    }

    /** Billing's claim history events, in pipeline order: where an encounter's time goes. */
    private static final List<String> STAGES = List.of("ASSEMBLED", "ELIGIBLE", "SUBMITTING", "SUBMITTED", "ACCEPTED");

    private String stages(String runId, Map<String, Instant> created) throws SQLException {
        Map<String, Map<String, Instant>> at = new HashMap<>();
        try (Connection c = system.connect("billing"); PreparedStatement st = c.prepareStatement("""
                select c.encounter_id::text, e.kind, min(e.occurred_at) from claim c join claim_event e on e.claim_id = c.id
                where c.external_id like ? and c.frequency_code = '1' group by 1, 2""")) {
            st.setString(1, runId + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    at.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getTimestamp(3).toInstant());
                }
            }
        }
        StringBuilder out = new StringBuilder("  where the time goes (p50 / p99 ms): ");
        List<String> steps = new ArrayList<>();
        String previous = "encounter";
        for (String stage : STAGES) {
            List<Long> gaps = new ArrayList<>();
            for (Map.Entry<String, Map<String, Instant>> e : at.entrySet()) {
                Instant from = "encounter".equals(previous) ? created.get(e.getKey()) : e.getValue().get(previous);
                Instant to = e.getValue().get(stage);
                if (from != null && to != null) {
                    gaps.add(Duration.between(from, to).toMillis());
                }
            }
            if (!gaps.isEmpty()) {
                Collections.sort(gaps);
                steps.add(String.format("%s→%s %d / %d", previous, stage, percentile(gaps, 50), percentile(gaps, 99)));
            }
            previous = stage;
        }
        return out.append(String.join(", ", steps)).append('\n').toString();
    }

    private static String percentiles(String label, List<Long> values) {
        if (values.isEmpty()) {
            return label + "      -\n";
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("%s %7d %7d %7d %7d%n", label, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    /** Nearest-rank percentile of an ascending list. */
    static long percentile(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static List<Long> between(Map<String, Instant> from, Map<String, Instant> to) {
        List<Long> out = new ArrayList<>();
        to.forEach((id, at) -> {
            Instant began = from.get(id);
            if (began != null) {
                out.add(Duration.between(began, at).toMillis());
            }
        });
        return out;
    }

    /** Waits until every acknowledged encounter's claim is done (or held in coding); returns how many are not. */
    private int waitForClaims(String runId, List<Sent> sent, Instant deadline) throws SQLException {
        long expected = sent.stream().filter(Sent::acknowledged).count();
        while (true) {
            long done = count("billing", """
                    select count(*) from claim where external_id like ? and frequency_code = '1'
                    and status in ('PAID', 'PARTIALLY_DENIED', 'DENIED', 'NOT_ELIGIBLE')""", runId)
                    + count("coding", "select count(*) from encounter where external_id like ? and status = 'NEEDS_REVIEW'", runId);
            if (done >= expected || Instant.now().isAfter(deadline)) {
                return (int) Math.max(0, expected - done);
            }
            KafkaBroker.sleep(1000);
        }
    }

    // ---------------------------------------------------------------- what the machine can do on its own

    private String kafkaCeiling() throws IOException, InterruptedException {
        Path libs = KafkaBroker.brokerLibs();
        List<String> command = List.of(KafkaBroker.javaBin(), "-Xmx512m", "-cp", libs.toAbsolutePath() + "/*",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "bench.ceiling", "--num-records", "200000",
                "--record-size", "1024", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + system.kafka().bootstrapServers(), "acks=all");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        p.waitFor(5, TimeUnit.MINUTES);
        String last = output.lines().filter(l -> l.contains("records sent")).reduce((a, b) -> b).orElse("no result: " + output.strip());
        return "ceiling: Kafka ProducerPerformance, 200,000 records of 1 KiB, acks=all, one producer: " + last.strip() + "\n";
    }

    /** Eight clients, each committing one single-row INSERT per transaction, for 15 s, in a scratch database. */
    private String postgresCeiling() throws Exception {
        String db = "bench_ceiling";
        try (Connection c = system.connect("billing"); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + db);
            st.execute("create database " + db);
        }
        try (Connection c = system.connect(db); Statement st = c.createStatement()) {
            st.execute("create table t (id bigserial primary key, payload text not null, at timestamptz not null default now())");
        }
        int clients = 8;
        Duration length = Duration.ofSeconds(15);
        AtomicInteger commits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Instant end = Instant.now().plus(length);
        String payload = "x".repeat(512);
        for (int i = 0; i < clients; i++) {
            pool.submit(() -> {
                try (Connection c = system.connect(db); PreparedStatement st = c.prepareStatement("insert into t (payload) values (?)")) {
                    c.setAutoCommit(true);
                    while (Instant.now().isBefore(end)) {
                        st.setString(1, payload);
                        st.executeUpdate();
                        commits.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        return String.format("ceiling: PostgreSQL, %d clients, one 512-byte INSERT per transaction (fsync on): %.0f transactions/s%n",
                clients, commits.get() / (double) length.toSeconds());
    }

    // ---------------------------------------------------------------- measurements

    private record Snapshot(Instant at, long commits, long messages, Map<String, Long> cpuMillis, Map<String, Long> rssMiB) {
    }

    private Snapshot snapshot() throws Exception {
        long commits = 0;
        for (String db : ClaimflowSystem.DATABASES) {
            try (Connection c = system.connect(db); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
                commits += rs.next() ? rs.getLong(1) : 0;
            }
        }
        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        for (String service : ClaimflowSystem.SERVICES) {
            record(service, system.process(service).pid(), false, cpu, rss);
        }
        record("sandbox-payer", system.process("sandbox-payer").pid(), false, cpu, rss);
        record("kafka", system.kafka().pid(), false, cpu, rss);
        record("postgresql", system.postgres() == null ? OptionalLong.empty() : system.postgres().pid(), true, cpu, rss);
        return new Snapshot(Instant.now(), commits, ConsumerLag.messagesWritten(system.kafka().bootstrapServers()), cpu, rss);
    }

    private static void record(String name, OptionalLong pid, boolean withChildren, Map<String, Long> cpu, Map<String, Long> rss) {
        if (pid.isEmpty()) {
            return;
        }
        ProcStat stat = ProcStat.of(pid.getAsLong(), withChildren);
        cpu.put(name, stat.cpuMillis());
        rss.put(name, stat.rssKiB() / 1024);
    }

    /** CPU time and resident memory of a process (and of its children, for PostgreSQL's backends) from /proc. */
    record ProcStat(long cpuMillis, long rssKiB) {

        private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

        static ProcStat of(long pid, boolean withChildren) {
            long[] own = read(pid, withChildren);
            long cpu = own[0];
            long rss = own[1];
            if (withChildren) {
                for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
                    long[] c = read(child.pid(), false);
                    cpu += c[0];
                    rss += c[1];
                }
            }
            return new ProcStat(cpu, rss);
        }

        /** {cpu ms (utime + stime, plus children already waited for when asked), VmRSS KiB}. */
        private static long[] read(long pid, boolean waitedChildren) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                // Fields after the command name, which is in parentheses and may contain spaces.
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (waitedChildren) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                long rss = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).findFirst()
                        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
                return new long[] {ticks * 1000 / TICKS_PER_SECOND, rss};
            } catch (IOException | RuntimeException gone) {
                return new long[] {0, 0};
            }
        }
    }

    private static long ownCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private long totalLag() {
        try {
            return ConsumerLag.byGroupAndTopic(system.kafka().bootstrapServers()).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    private Map<String, Instant> timestamps(String db, String sql, String runId) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (Connection c = system.connect(db); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, runId + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null) {
                        out.put(rs.getString(1), at.toInstant());
                    }
                }
            }
        }
        return out;
    }

    /** Denials routed for the claims of these encounters (denial-service's own table). */
    private long denialsFor(java.util.Set<String> encounterIds) throws SQLException {
        try (Connection c = system.connect("denial"); PreparedStatement st = c.prepareStatement(
                "select count(distinct claim_id) from denial where encounter_id = any (?::uuid[])")) {
            st.setArray(1, c.createArrayOf("text", encounterIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private long count(String db, String sql, String runId) throws SQLException {
        try (Connection c = system.connect(db); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, runId + "-%");
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
