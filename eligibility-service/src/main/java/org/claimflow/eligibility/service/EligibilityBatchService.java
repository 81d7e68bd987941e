package org.claimflow.eligibility.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.claimflow.eligibility.config.EligibilityConfig;
import org.claimflow.eligibility.domain.Amounts;
import org.claimflow.eligibility.domain.CoverageStatus;
import org.claimflow.eligibility.rest.EligibilityBatchRequest;
import org.claimflow.eligibility.rest.EligibilityBatchResponse;
import org.claimflow.eligibility.rest.PageResponse;
import org.claimflow.eligibility.x12.EligibilityInquiry;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Batch checks for upcoming appointments. A batch is stored at once (one transaction: the batch, its items as
 * PENDING and the Idempotency-Key's response); {@link EligibilityBatchWorker} then claims items and asks for each
 * through {@link EligibilityService#checkBatchItem}, the same path as the other checks: a fresh answer is reused,
 * otherwise the payer is asked through the gateway, outside any transaction.
 */
@ApplicationScoped
public class EligibilityBatchService {

    private static final Logger LOG = Logger.getLogger(EligibilityBatchService.class);
    static final String PENDING = "PENDING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    private static final int FIRST_PAGE_SIZE = 100;

    private final EntityManager em;
    private final EligibilityService eligibility;
    private final IdempotencyStore idempotency;
    private final EligibilityConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public EligibilityBatchService(EntityManager em, EligibilityService eligibility, IdempotencyStore idempotency,
                                   EligibilityConfig config, ObjectMapper mapper, Clock clock) {
        this.em = em;
        this.eligibility = eligibility;
        this.idempotency = idempotency;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The answer to a submission, as the HTTP response it becomes (and is replayed as). */
    public record Submitted(int status, String body, String location, boolean replayed) {
    }

    /** An item claimed by the worker, with what its check needs. */
    record ClaimedItem(UUID batchId, int position, int attempts, EligibilityService.Question question) {
    }

    /**
     * Stores the batch with every item PENDING and answers 202. With an Idempotency-Key the key, the batch and the
     * stored response commit together: a retry replays the first response and never makes a second batch.
     */
    public Submitted submit(EligibilityBatchRequest request, String idempotencyKey) {
        String hash = idempotencyKey == null ? null : sha256(json(request));
        return QuarkusTransaction.requiringNew().call(() -> {
            if (idempotencyKey != null) {
                Optional<IdempotencyStore.StoredResponse> stored = idempotency.claim(request.practiceId(), idempotencyKey, hash);
                if (stored.isPresent()) {
                    var s = stored.get();
                    return new Submitted(s.status(), s.body(), s.location(), true);
                }
            }
            UUID id = UUID.randomUUID();
            insert(id, request);
            String location = "/api/v1/eligibility/batches/" + id;
            String body = json(get(id, 0, FIRST_PAGE_SIZE));
            if (idempotencyKey != null) {
                idempotency.complete(request.practiceId(), idempotencyKey, new IdempotencyStore.StoredResponse(202, body, location));
            }
            return new Submitted(202, body, location, false);
        });
    }

    private void insert(UUID id, EligibilityBatchRequest request) {
        Timestamp now = Timestamp.from(clock.instant());
        session().doWork(connection -> {
            try (PreparedStatement batch = connection.prepareStatement("""
                    insert into eligibility_batch (id, practice_id, provider_npi, item_count, requested_by, created_at)
                    values (?, ?, ?, ?, ?, ?)""")) {
                batch.setObject(1, id);
                batch.setString(2, request.practiceId());
                batch.setString(3, request.providerNpi());
                batch.setInt(4, request.items().size());
                batch.setString(5, request.requestedBy() != null ? request.requestedBy() : EligibilityService.API_REQUESTER);
                batch.setTimestamp(6, now);
                batch.executeUpdate();
            }
            try (PreparedStatement item = connection.prepareStatement("""
                    insert into eligibility_batch_item (batch_id, position, reference, payer_id, member_id, first_name,
                        last_name, date_of_birth, sex, date_of_service, service_type_codes, status, attempts, next_attempt_at,
                        updated_at, practice_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""")) {
                int position = 0;
                for (EligibilityBatchRequest.Item i : request.items()) {
                    List<String> serviceTypes = i.serviceTypeCodes() == null || i.serviceTypeCodes().isEmpty()
                            ? List.of(EligibilityInquiry.HEALTH_BENEFIT_PLAN_COVERAGE)
                            : i.serviceTypeCodes().stream().distinct().toList();
                    item.setObject(1, id);
                    item.setInt(2, position++);
                    item.setString(3, i.reference());
                    item.setString(4, i.payerId());
                    item.setString(5, i.memberId());
                    item.setString(6, i.subscriber().firstName());
                    item.setString(7, i.subscriber().lastName());
                    item.setObject(8, i.subscriber().dateOfBirth());
                    item.setString(9, i.subscriber().sex());
                    item.setObject(10, i.dateOfService());
                    item.setString(11, String.join(",", serviceTypes));
                    item.setTimestamp(12, now);
                    item.setTimestamp(13, now);
                    item.setString(14, request.practiceId());
                    item.addBatch();
                    if (position % 500 == 0) {
                        item.executeBatch();
                    }
                }
                item.executeBatch();
            }
        });
    }

    @Transactional
    public EligibilityBatchResponse get(UUID id, int page, int size) {
        EligibilityBatchResponse[] out = new EligibilityBatchResponse[1];
        session().doWork(connection -> out[0] = read(connection, id, page, size));
        if (out[0] == null) {
            throw new NotFoundException("No eligibility batch with this id.");
        }
        return out[0];
    }

    private static EligibilityBatchResponse read(Connection connection, UUID id, int page, int size) throws SQLException {
        String practiceId;
        String providerNpi;
        String requestedBy;
        Instant createdAt;
        long total;
        try (PreparedStatement s = connection.prepareStatement(
                "select practice_id, provider_npi, item_count, requested_by, created_at from eligibility_batch where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                practiceId = rs.getString(1);
                providerNpi = rs.getString(2);
                total = rs.getInt(3);
                requestedBy = rs.getString(4);
                createdAt = rs.getObject(5, OffsetDateTime.class).toInstant();
            }
        }
        long pending = 0;
        long running = 0;
        long done = 0;
        long failed = 0;
        long attempted = 0;
        try (PreparedStatement s = connection.prepareStatement("""
                select status, count(*), count(*) filter (where attempts > 0) from eligibility_batch_item
                where batch_id = ? group by status""")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    attempted += rs.getLong(3);
                    switch (rs.getString(1)) {
                        case PENDING -> pending = n;
                        case RUNNING -> running = n;
                        case DONE -> done = n;
                        default -> failed = n;
                    }
                }
            }
        }
        String status = done + failed == total ? "COMPLETED" : attempted == 0 ? "PENDING" : "RUNNING";
        List<EligibilityBatchResponse.Item> items = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                select i.position, i.reference, i.payer_id, i.member_id, i.date_of_service, i.status, i.attempts, i.check_id,
                       c.status, c.reason_code, coalesce(c.reason, i.reason), c.plan_name, c.copay, c.coinsurance,
                       c.deductible_remaining
                from eligibility_batch_item i left join eligibility_check c on c.id = i.check_id
                where i.batch_id = ? order by i.position limit ? offset ?""")) {
            s.setObject(1, id);
            s.setInt(2, size);
            s.setLong(3, (long) page * size);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String coverage = rs.getString(9);
                    items.add(new EligibilityBatchResponse.Item(rs.getInt(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getInt(7),
                            rs.getObject(8, UUID.class), coverage,
                            coverage == null ? null : CoverageStatus.valueOf(coverage).eligible(), rs.getString(10),
                            rs.getString(11), rs.getString(12), Amounts.money(rs.getBigDecimal(13)),
                            Amounts.fraction(rs.getBigDecimal(14)), Amounts.money(rs.getBigDecimal(15))));
                }
            }
        }
        return new EligibilityBatchResponse(id, practiceId, providerNpi, status,
                new EligibilityBatchResponse.Counts(total, pending, running, done, failed), requestedBy, createdAt,
                new PageResponse<>(items, page, size, total));
    }

    /**
     * Claims up to {@code limit} items that are due (PENDING and past next_attempt_at, or RUNNING for longer than
     * staleAfter: their worker died), oldest first; concurrent workers skip each other's rows.
     */
    List<ClaimedItem> claim(int limit) {
        Instant now = clock.instant();
        List<ClaimedItem> claimed = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> session().doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    update eligibility_batch_item i
                    set status = 'RUNNING', claimed_at = ?, attempts = i.attempts + 1, updated_at = ?
                    from (select batch_id, position from eligibility_batch_item
                          where (status = 'PENDING' and next_attempt_at <= ?) or (status = 'RUNNING' and claimed_at < ?)
                          order by next_attempt_at, batch_id, position
                          limit ? for update skip locked) due, eligibility_batch b
                    where i.batch_id = due.batch_id and i.position = due.position and b.id = i.batch_id
                    returning i.batch_id, i.position, i.attempts, b.practice_id, b.provider_npi, b.requested_by,
                              i.payer_id, i.member_id, i.first_name, i.last_name, i.date_of_birth, i.sex,
                              i.date_of_service, i.service_type_codes""")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setTimestamp(2, Timestamp.from(now));
                s.setTimestamp(3, Timestamp.from(now));
                s.setTimestamp(4, Timestamp.from(now.minus(config.batch().staleAfter())));
                s.setInt(5, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        var question = new EligibilityService.Question(rs.getString(4), null, null, rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10), rs.getObject(11, LocalDate.class),
                                rs.getString(12), rs.getObject(13, LocalDate.class), List.of(rs.getString(14).split(",")),
                                rs.getString(5), null, rs.getString(6));
                        claimed.add(new ClaimedItem(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), question));
                    }
                }
            }
        }));
        return claimed;
    }

    /** Asks for one claimed item and records its result; never throws. */
    void process(ClaimedItem item) {
        boolean lastAttempt = item.attempts() >= config.batch().maxAttempts();
        EligibilityService.BatchItemOutcome outcome;
        try {
            outcome = eligibility.checkBatchItem(item.question(), lastAttempt,
                    check -> update(item, DONE, check.id, null, null));
        } catch (RuntimeException e) {
            // Our own failure (database, …): logged by type only, as its message may carry patient data.
            LOG.errorf("batch %s item %d failed with %s", item.batchId(), item.position(), e.getClass().getName());
            outcome = new EligibilityService.BatchItemOutcome(
                    lastAttempt ? EligibilityService.BatchItemOutcome.Kind.FAILED : EligibilityService.BatchItemOutcome.Kind.RETRY,
                    null, "The check could not be completed (internal error).");
        }
        EligibilityService.BatchItemOutcome o = outcome;
        switch (o.kind()) {
            case DONE -> { }
            case FAILED -> QuarkusTransaction.requiringNew().run(() -> update(item, FAILED, null, o.reason(), null));
            case RETRY -> QuarkusTransaction.requiringNew().run(() -> update(item, PENDING, null, o.reason(),
                    clock.instant().plus(config.batch().retryDelay().multipliedBy(item.attempts()))));
        }
    }

    private void update(ClaimedItem item, String status, UUID checkId, String reason, Instant nextAttemptAt) {
        Timestamp now = Timestamp.from(clock.instant());
        em.flush(); // the check row first: the item references it
        session().doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    update eligibility_batch_item set status = ?, check_id = ?, reason = ?,
                        next_attempt_at = coalesce(?::timestamptz, next_attempt_at), claimed_at = null, updated_at = ?
                    where batch_id = ? and position = ?""")) {
                s.setString(1, status);
                s.setObject(2, checkId, Types.OTHER);
                s.setString(3, reason);
                s.setTimestamp(4, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt));
                s.setTimestamp(5, now);
                s.setObject(6, item.batchId());
                s.setInt(7, item.position());
                s.executeUpdate();
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
