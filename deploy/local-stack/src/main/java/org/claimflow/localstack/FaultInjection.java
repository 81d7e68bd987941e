package org.claimflow.localstack;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;


/**
 * The "nothing lost, nothing duplicated" proof (issue #7): drives encounters through the public REST API of a
 * running system with Idempotency-Keys and client retries, crashes and restarts every part of it while they
 * flow, then checks from the databases and topics that every acknowledged encounter has exactly one claim in a
 * terminal state, that nothing was posted or denied twice, that every claim's money reconciles to the cent, that
 * the dead-letter topics hold exactly the poisoned records, and that outbox backlog and consumer lag drain.
 *
 * <p>Failure modes, each named in the report so a broken invariant says which one was in flight:
 * {@code clean restart} (SIGTERM), {@code kill -9} of a service while it consumes, {@code broker bounce}
 * (kill -9 of the Kafka broker, restart on the same log directory) and {@code database restart}.
 *
 * <p>Poison: the REST API and the coding edits refuse every inconsistent encounter at the door, so nothing a
 * practice-management system can send is poison downstream. Poisoned records therefore come from where they
 * would in production, a foreign or broken producer on the topics: unreadable records written straight to every
 * consumed topic, about one per hundred encounters.
 */
public final class FaultInjection {

    private static final Map<String, List<String>> CONSUMERS = ConsumerLag.CONSUMERS;
    private static final List<String> POISONED_TOPICS = List.copyOf(new TreeMap<>(CONSUMERS).keySet());
    private static final Set<String> TERMINAL = Set.of("PAID", "PARTIALLY_DENIED", "DENIED", "NOT_ELIGIBLE");
    private static final Set<String> ADJUDICATED = Set.of("PAID", "PARTIALLY_DENIED", "DENIED");

    /**
     * @param encounters       how many encounters to send
     * @param killsPerService  how many times each service is killed with -9 (each once more for CI, 3 for the full run)
     * @param clients          concurrent API clients
     * @param ratePerSecond    encounters sent per second (open loop), so that the faults happen while they flow
     * @param poisonEvery      one poisoned record per this many encounters (0: none)
     * @param drainLimit       how long after the last fault the backlog, lag and pipeline may take to drain
     */
    public record Settings(int encounters, int killsPerService, int clients, int ratePerSecond, int poisonEvery, Duration drainLimit) {

        public static Settings ci() {
            return new Settings(2000, 1, 6, 10, 100, Duration.ofMinutes(2));
        }

        /**
         * 10/s like CI: about half of what the 2-core machine sustains without faults (the benchmark's 18 claims/s),
         * because fifteen faults take services away for 10–30 s each. At 25/s the backlog outgrew the 2 minutes.
         */
        public static Settings full() {
            return new Settings(10_000, 3, 8, 10, 100, Duration.ofMinutes(2));
        }
    }

    /** One failure mode, when it ran and how many encounters were acknowledged by then. */
    public record FaultRecord(String name, Instant started, Instant finished, int acknowledgedBefore, int acknowledgedAfter) {
    }

    public record Report(String runId, int sent, int acknowledged, Map<String, Integer> outcomes, int poisonRecords,
                         int deadLettered, int deadLetterDuplicates, Duration sendTime, Duration drainTime,
                         List<FaultRecord> faults, List<String> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }

        private long count(String kind) {
            return violations.stream().filter(v -> v.startsWith(kind)).count();
        }

        public String summary() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("fault-injection run %s%n", runId));
            out.append(String.format("  encounters sent %d, acknowledged (2xx) %d, sending took %d s%n", sent, acknowledged,
                    sendTime.toSeconds()));
            out.append(String.format("  outcomes %s%n", outcomes));
            out.append(String.format("  lost %d, duplicated %d, stuck %d, money not reconciled %d%n", count("lost:"), count("duplicated:"),
                    count("stuck:"), count("money:")));
            out.append(String.format("  poisoned records %d, dead-lettered %d (+%d redelivered copies)%n", poisonRecords,
                    deadLettered, deadLetterDuplicates));
            out.append(String.format("  drained %d s after the last fault and the last encounter sent%n", drainTime.toSeconds()));
            out.append("  faults:\n");
            for (FaultRecord f : faults) {
                out.append(String.format("    %-40s at %5d acknowledged, back after %5.1f s%n", f.name(), f.acknowledgedBefore(),
                        Duration.between(f.started(), f.finished()).toMillis() / 1000.0));
            }
            out.append(violations.isEmpty() ? "  every invariant held\n" : "  VIOLATIONS (" + violations.size() + "):\n");
            violations.stream().limit(50).forEach(v -> out.append("    ").append(v).append('\n'));
            return out.toString();
        }
    }

    private record Sent(int index, String scenario, String externalId, String encounterId, Instant acknowledgedAt) {
    }

    private final ClaimflowSystem system;
    private final Settings settings;
    private final Consumer<String> log;
    private final String runId = "FI" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
    private final Map<Integer, Sent> acknowledged = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<FaultRecord> faults = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> poison = ConcurrentHashMap.newKeySet();
    private final Map<String, String> poisonTopicOf = new ConcurrentHashMap<>();
    private final EncounterTraffic traffic;

    public FaultInjection(ClaimflowSystem system, Settings settings, Consumer<String> log) {
        this.system = system;
        this.settings = settings;
        this.log = log;
        this.traffic = new EncounterTraffic(system.url("coding-service"), system.pmsClient());
    }

    public Report run() throws Exception {
        List<DemoRunner.Scenario> mix = EncounterTraffic.mix();
        List<Runnable> plan = faultPlan();
        log.accept(String.format("%s: %d encounters at %d/s, %d faults, one poisoned record per %d encounters",
                runId, settings.encounters(), settings.ratePerSecond(), plan.size(), settings.poisonEvery()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger faultsDone = new AtomicInteger();
        int[] thresholds = new int[plan.size() + 1];
        for (int f = 0; f < plan.size(); f++) {
            // The first fault after 20% of the encounters were acknowledged, the last by 90%.
            thresholds[f] = (int) (settings.encounters() * (0.2 + 0.7 * f / Math.max(1, plan.size() - 1)));
        }
        thresholds[plan.size()] = Integer.MAX_VALUE;
        Instant start = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        ExecutorService faultThread = Executors.newSingleThreadExecutor();
        List<java.util.concurrent.Future<?>> faultRuns = new ArrayList<>();
        try (KafkaProducer<String, String> producer = poisonProducer()) {
            for (int c = 0; c < settings.clients(); c++) {
                clients.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < settings.encounters()) {
                        // Traffic runs through each fault, but not past the next fault's threshold until this one is
                        // over: every failure mode then happens with encounters in flight, however long restarts take.
                        while (i >= thresholds[Math.min(faultsDone.get() + 1, plan.size())] && faultsDone.get() < plan.size()) {
                            KafkaBroker.sleep(50);
                        }
                        EncounterTraffic.pace(start, i, settings.ratePerSecond());
                        send(i, mix.get(i % mix.size()));
                        if (settings.poisonEvery() > 0 && i % settings.poisonEvery() == settings.poisonEvery() / 2) {
                            poison(producer, i);
                        }
                    }
                    return null;
                });
            }
            // Faults one after another, each once its threshold of acknowledged encounters is reached.
            for (int f = 0; f < plan.size(); f++) {
                Instant giveUp = Instant.now().plus(Duration.ofMinutes(15));
                while (acknowledged.size() < thresholds[f] && Instant.now().isBefore(giveUp)) {
                    KafkaBroker.sleep(100);
                }
                faultRuns.add(faultThread.submit(plan.get(f)));
                faultRuns.get(faultRuns.size() - 1).get();
                faultsDone.incrementAndGet();
            }
            clients.shutdown();
            if (!clients.awaitTermination(30, TimeUnit.MINUTES)) {
                violations.add("the API clients did not finish within 30 minutes");
            }
            producer.flush();
        } finally {
            clients.shutdownNow();
            faultThread.shutdownNow();
        }
        Duration sendTime = Duration.between(start, Instant.now());
        Instant lastFault = faults.isEmpty() ? Instant.now() : faults.get(faults.size() - 1).finished();
        log.accept(String.format("%s: %d of %d encounters acknowledged in %d s; waiting for the pipeline to drain",
                runId, acknowledged.size(), settings.encounters(), sendTime.toSeconds()));
        // Encounters keep arriving after the last fault (it comes at 90%); lag cannot reach zero while they do, so
        // the 2 minutes run from the later of the last fault and the last encounter sent.
        Instant quiet = lastFault.isAfter(Instant.now()) ? lastFault : Instant.now();
        Duration drained = drain(quiet);
        Map<String, Integer> outcomes = checkClaims();
        violations.addAll(PatientDataInLogs.find(system.options().workDir().resolve("logs"), ClaimflowSystem.SERVICES));
        int[] dlq = checkDeadLetters();
        return new Report(runId, settings.encounters(), acknowledged.size(), outcomes, poison.size(), dlq[0], dlq[1], sendTime,
                drained, List.copyOf(faults), List.copyOf(violations));
    }

    // ---------------------------------------------------------------- load

    /** Sends encounter {@code index} and records it once acknowledged. */
    private void send(int index, DemoRunner.Scenario scenario) {
        String externalId = runId + "-" + index;
        EncounterTraffic.Outcome outcome = traffic.send(scenario, externalId, Duration.ofMinutes(10));
        if (outcome.acknowledged()) {
            acknowledged.put(index, new Sent(index, scenario.name(), externalId, outcome.encounterId(), Instant.now()));
        } else if (outcome.status() == 0) {
            log.accept("encounter " + externalId + " never acknowledged within 10 minutes (not counted as sent)");
        } else {
            violations.add("encounter " + externalId + ": intake answered " + outcome.status() + " to a valid encounter: " + outcome.body());
        }
    }

    private KafkaProducer<String, String> poisonProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", system.kafka().bootstrapServers(), "acks", "all",
                "retries", Integer.MAX_VALUE, "delivery.timeout.ms", 600_000, "enable.idempotence", true),
                new StringSerializer(), new StringSerializer());
    }

    /** An unreadable record on one consumed topic, round robin; every consumer of that topic must dead-letter it. */
    private void poison(KafkaProducer<String, String> producer, int index) {
        String topic = POISONED_TOPICS.get(poison.size() % POISONED_TOPICS.size());
        String value = "POISON " + runId + " " + index + " {this is not an event";
        producer.send(new ProducerRecord<>(topic, "poison-" + index, value), (metadata, error) -> {
            if (error != null) {
                violations.add("could not write poisoned record " + index + ": " + error.getMessage());
            }
        });
        poisonTopicOf.put(value, topic);
        poison.add(value);
    }

    // ---------------------------------------------------------------- faults

    private List<Runnable> faultPlan() {
        List<Runnable> plan = new ArrayList<>();
        for (int round = 1; round <= settings.killsPerService(); round++) {
            for (String service : ClaimflowSystem.SERVICES) {
                String name = "kill -9 " + service + (settings.killsPerService() > 1 ? " #" + round : "");
                plan.add(fault(name, () -> system.restartService(service, true)));
            }
            if (round == 1) {
                plan.add(fault("broker bounce (kill -9 Kafka)", system::bounceKafka));
                plan.add(fault("clean restart billing-service", () -> system.restartService("billing-service", false)));
                plan.add(fault("database restart", system::restartPostgres));
            }
        }
        return plan;
    }

    private Runnable fault(String name, Runnable action) {
        return () -> {
            int before = acknowledged.size();
            Instant started = Instant.now();
            log.accept(String.format("fault: %s (%d acknowledged)", name, before));
            try {
                action.run();
            } catch (RuntimeException e) {
                violations.add("[" + name + "] the system did not come back: " + e.getMessage());
            }
            faults.add(new FaultRecord(name, started, Instant.now(), before, acknowledged.size()));
        };
    }

    /** The faults that were under way, or had just happened, while an encounter acknowledged at {@code at} was in flight. */
    private String faultsAround(Instant at) {
        List<String> names = new ArrayList<>();
        for (FaultRecord f : faults) {
            // An encounter crosses the pipeline in seconds to a minute: a fault within that window may have hit it.
            if (!f.finished().isBefore(at) && f.started().isBefore(at.plus(Duration.ofMinutes(1)))) {
                names.add(f.name());
            }
        }
        return names.isEmpty() ? "[no fault in flight]" : names.toString();
    }

    // ---------------------------------------------------------------- drain and invariants

    private Duration drain(Instant lastFault) throws Exception {
        Instant deadline = lastFault.plus(settings.drainLimit());
        Instant nextReport = Instant.now();
        while (true) {
            long backlog = outboxBacklog();
            long lag = consumerLag();
            long unfinished = unfinishedEncounters();
            if (Instant.now().isAfter(nextReport)) {
                log.accept(String.format("  draining, %d s after the last fault: outbox backlog %d, consumer lag %d%s, encounters not yet "
                        + "terminal %d", Duration.between(lastFault, Instant.now()).toSeconds(), backlog, lag, largestLags(), unfinished));
                nextReport = Instant.now().plusSeconds(15);
            }
            if (backlog == 0 && lag == 0 && unfinished == 0) {
                return Duration.between(lastFault, Instant.now()).isNegative() ? Duration.ZERO : Duration.between(lastFault, Instant.now());
            }
            if (Instant.now().isAfter(deadline)) {
                violations.add(String.format("not drained %d s after the last fault and the last encounter sent: outbox backlog %d, consumer lag %d, "
                        + "encounters not yet terminal %d", settings.drainLimit().toSeconds(), backlog, lag, unfinished));
                drainDiagnostics().forEach(line -> violations.add("  (diagnostic) " + line));
                return Duration.between(lastFault, Instant.now());
            }
            KafkaBroker.sleep(2000);
        }
    }

    private long outboxBacklog() throws SQLException {
        long total = 0;
        for (String db : ClaimflowSystem.DATABASES) {
            try (Connection c = system.connect(db); PreparedStatement st = c.prepareStatement(
                    "select count(*) from outbox_event where published_at is null"); ResultSet rs = st.executeQuery()) {
                rs.next();
                total += rs.getLong(1);
            }
        }
        return total;
    }

    private long consumerLag() throws Exception {
        return lagByGroupAndTopic().values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> lagByGroupAndTopic() throws Exception {
        return ConsumerLag.byGroupAndTopic(system.kafka().bootstrapServers());
    }

    /** The three consumers furthest behind, e.g. " (billing-service <- claims.eligibility-checked.v1 120, ...)". */
    private String largestLags() {
        try {
            List<String> top = lagByGroupAndTopic().entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .map(e -> e.getKey() + " " + e.getValue()).toList();
            return top.isEmpty() ? "" : " (" + String.join(", ", top) + ")";
        } catch (Exception e) {
            return "";
        }
    }

    /**
     * What a failed drain leaves for whoever reads the report: where the backlog and lag are, the database sessions
     * that have been in one transaction for long, and a thread dump of every service in the logs directory.
     */
    private List<String> drainDiagnostics() {
        List<String> lines = new ArrayList<>();
        try {
            lagByGroupAndTopic().forEach((where, behind) -> {
                if (behind > 0) {
                    lines.add("lag " + behind + ": " + where);
                }
            });
        } catch (Exception e) {
            lines.add("lag per topic unavailable: " + e.getMessage());
        }
        for (String db : ClaimflowSystem.DATABASES) {
            try (Connection c = system.connect(db); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("select count(*) from outbox_event where published_at is null")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        lines.add("outbox backlog " + rs.getLong(1) + ": " + db);
                    }
                }
                try (ResultSet rs = st.executeQuery("""
                        select state, wait_event_type, wait_event, extract(epoch from now() - xact_start)::int, left(query, 120)
                        from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                        and xact_start < now() - interval '20 seconds'""")) {
                    while (rs.next()) {
                        lines.add(String.format("%s: session %s for %d s in one transaction (waiting: %s %s): %s", db, rs.getString(1),
                                rs.getInt(4), rs.getString(2), rs.getString(3), rs.getString(5)));
                    }
                }
            } catch (SQLException e) {
                lines.add(db + ": diagnostics unavailable: " + e.getMessage());
            }
        }
        for (String service : ClaimflowSystem.SERVICES) {
            system.process(service).threadDump().ifPresent(dump -> lines.add("thread dump of " + service + ": " + dump));
        }
        return lines;
    }

    private long unfinishedEncounters() throws SQLException {
        Map<String, String> statuses = claimStatuses();
        Map<String, String> coding = encounterStatuses();
        long unfinished = 0;
        for (Sent s : acknowledged.values()) {
            String claim = statuses.get(s.encounterId());
            boolean held = "NEEDS_REVIEW".equals(coding.get(s.encounterId())) && claim == null;
            if (!held && (claim == null || !TERMINAL.contains(claim))) {
                unfinished++;
            }
        }
        return unfinished;
    }

    /** encounter id → status of its original claim. */
    private Map<String, String> claimStatuses() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = system.connect("billing"); PreparedStatement st = c.prepareStatement(
                "select encounter_id::text, status from claim where external_id like ? and frequency_code = '1'")) {
            st.setString(1, runId + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private Map<String, String> encounterStatuses() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = system.connect("coding"); PreparedStatement st = c.prepareStatement(
                "select id::text, status from encounter where external_id like ?")) {
            st.setString(1, runId + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private Map<String, Integer> checkClaims() throws SQLException {
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, String> coding = encounterStatuses();
        Map<String, Integer> encountersPerExternalId = countBy("coding",
                "select external_id, count(*) from encounter where external_id like ? group by external_id");
        Map<String, Integer> claimsPerEncounter = countBy("billing",
                "select encounter_id::text, count(*) from claim where external_id like ? and frequency_code = '1' group by encounter_id");
        Map<String, Integer> paymentsPerClaim = countBy("billing",
                "select p.claim_id::text, count(*) from claim_payment p join claim c on c.id = p.claim_id "
                        + "where c.external_id like ? group by p.claim_id");
        // denial-service knows claims, not external ids: every denial counts, only this run's claims are looked up.
        Map<String, Integer> denialsPerClaim = countBy("denial", "select claim_id::text, count(*) from denial group by claim_id");
        Map<String, ClaimMoney> money = claimMoney();
        for (Sent s : acknowledged.values()) {
            String where = s.externalId() + " (" + s.scenario() + ") " + faultsAround(s.acknowledgedAt());
            if (!coding.containsKey(s.encounterId())) {
                violations.add("lost: acknowledged encounter " + where + " is not in coding-service");
                continue;
            }
            int encounters = encountersPerExternalId.getOrDefault(s.externalId(), 0);
            if (encounters != 1) {
                violations.add("duplicated: " + encounters + " encounters for " + where);
            }
            int claims = claimsPerEncounter.getOrDefault(s.encounterId(), 0);
            if (claims == 0) {
                if ("NEEDS_REVIEW".equals(coding.get(s.encounterId()))) {
                    outcomes.merge("HELD_FOR_CODING", 1, Integer::sum);
                } else {
                    violations.add("lost: no claim for coded encounter " + where);
                }
                continue;
            }
            if (claims > 1) {
                violations.add("duplicated: " + claims + " claims for " + where);
            }
            ClaimMoney m = money.get(s.encounterId());
            outcomes.merge(m.status(), 1, Integer::sum);
            if (!TERMINAL.contains(m.status())) {
                violations.add("stuck: claim " + m.claimId() + " is " + m.status() + " for " + where);
                continue;
            }
            if (ADJUDICATED.contains(m.status())) {
                int payments = paymentsPerClaim.getOrDefault(m.claimId(), 0);
                if (payments != 1) {
                    violations.add("posted " + payments + " times: claim " + m.claimId() + " of " + where);
                }
                BigDecimal accounted = m.paid().add(m.adjusted()).add(m.patient());
                if (m.charge().compareTo(accounted) != 0) {
                    violations.add(String.format("money: claim %s charge %s != paid %s + adjusted %s + patient %s (%s)", m.claimId(),
                            m.charge(), m.paid(), m.adjusted(), m.patient(), where));
                }
                if (m.paid().compareTo(m.linePaid()) != 0 || m.adjusted().add(m.patient()).compareTo(m.lineAdjustments()) != 0) {
                    violations.add(String.format("money: claim %s totals (paid %s, adjustments %s) differ from its lines (paid %s, "
                            + "adjustments %s) (%s)", m.claimId(), m.paid(), m.adjusted().add(m.patient()), m.linePaid(),
                            m.lineAdjustments(), where));
                }
                boolean denied = !"PAID".equals(m.status());
                int denials = denialsPerClaim.getOrDefault(m.claimId(), 0);
                if (denied && denials == 0) {
                    violations.add("lost: no denial routed for " + m.status() + " claim " + m.claimId() + " of " + where);
                }
                if (!denied && denials > 0) {
                    violations.add("spurious: " + denials + " denials for paid claim " + m.claimId() + " of " + where);
                }
            } else if (paymentsPerClaim.getOrDefault(m.claimId(), 0) != 0) {
                violations.add("posted a payment for a claim that was never submitted: " + m.claimId() + " of " + where);
            }
        }
        return outcomes;
    }

    private record ClaimMoney(String claimId, String status, BigDecimal charge, BigDecimal paid, BigDecimal adjusted,
                              BigDecimal patient, BigDecimal linePaid, BigDecimal lineAdjustments) {
    }

    private Map<String, ClaimMoney> claimMoney() throws SQLException {
        Map<String, ClaimMoney> out = new HashMap<>();
        String sql = """
                select c.encounter_id::text, c.id::text, c.status, c.total_charge, c.paid_amount, c.adjusted_amount,
                       c.patient_responsibility,
                       (select coalesce(sum(l.paid_amount), 0) from claim_line l where l.claim_id = c.id),
                       (select coalesce(sum(a.amount), 0) from line_adjustment a where a.claim_id = c.id)
                from claim c where c.external_id like ? and c.frequency_code = '1'""";
        try (Connection c = system.connect("billing"); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, runId + "-%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new ClaimMoney(rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                            rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)));
                }
            }
        }
        return out;
    }

    private Map<String, Integer> countBy(String database, String sql) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = system.connect(database); PreparedStatement st = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                st.setString(1, runId + "-%");
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /**
     * Every consumer group of a poisoned record's topic must dead-letter it once (on that topic's .dlq); a consumer
     * killed between its dead-letter write and its offset commit writes it again, which is reported, not hidden.
     *
     * @return {distinct records dead-lettered by this run, redelivered copies}
     */
    private int[] checkDeadLetters() {
        Map<String, Integer> copies = new HashMap<>();
        Map<String, String> dlqOf = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", system.kafka().bootstrapServers(),
                "group.id", "fault-check-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "enable.auto.commit", "false"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(CONSUMERS.keySet().stream().map(t -> t + ".dlq").toList());
            Instant quietUntil = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(quietUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    quietUntil = Instant.now().plusSeconds(5);
                    String value = r.value() == null ? "" : r.value();
                    if (value.startsWith("POISON " + runId + " ")) {
                        copies.merge(value, 1, Integer::sum);
                        dlqOf.put(value, r.topic());
                    } else if (value.contains(runId)) {
                        violations.add("dead-lettered a real event of this run on " + r.topic() + ": reason "
                                + header(r, "dead-letter-reason") + ", key " + r.key());
                    }
                }
            }
        }
        int redelivered = 0;
        for (String value : poison) {
            String topic = poisonTopicOf.get(value);
            int expected = CONSUMERS.get(topic).size();
            int found = copies.getOrDefault(value, 0);
            String name = value.substring(0, value.indexOf('{')).strip();
            if (found < expected) {
                violations.add(String.format("%s on %s dead-lettered %d times, expected once by each of %s", name, topic, found,
                        CONSUMERS.get(topic)));
            } else if (!(topic + ".dlq").equals(dlqOf.get(value))) {
                violations.add(name + " dead-lettered on " + dlqOf.get(value) + " instead of " + topic + ".dlq");
            }
            redelivered += Math.max(0, found - expected);
        }
        return new int[] {copies.size(), redelivered};
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
