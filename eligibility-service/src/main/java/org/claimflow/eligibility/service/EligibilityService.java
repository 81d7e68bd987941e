package org.claimflow.eligibility.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.claimflow.eligibility.config.EligibilityConfig;
import org.claimflow.eligibility.domain.Amounts;
import org.claimflow.eligibility.domain.CoverageAnswer;
import org.claimflow.eligibility.domain.EligibilityCheck;
import org.claimflow.eligibility.domain.NetworkBenefits;
import org.claimflow.eligibility.domain.PatientShareEstimatePolicy;
import org.claimflow.eligibility.domain.ReasonCodes;
import org.claimflow.eligibility.domain.ServiceTypeBenefits;
import org.claimflow.eligibility.gateway.PayerGateway;
import org.claimflow.eligibility.gateway.PayerReply;
import org.claimflow.eligibility.inbox.Inbox;
import org.claimflow.eligibility.messaging.ClaimAssembledEvent;
import org.claimflow.eligibility.messaging.EligibilityCheckedEvent;
import org.claimflow.eligibility.messaging.Topics;
import org.claimflow.eligibility.metrics.EligibilityMetrics;
import org.claimflow.eligibility.metrics.EligibilityMetrics.Origin;
import org.claimflow.eligibility.outbox.EventEnvelope;
import org.claimflow.eligibility.outbox.OutboxWriter;
import org.claimflow.eligibility.rest.EligibilityCheckRequest;
import org.claimflow.eligibility.rest.EligibilityCheckResponse;
import org.claimflow.eligibility.rest.PageResponse;
import org.claimflow.eligibility.x12.EligibilityInquiry;
import org.claimflow.eligibility.x12.EligibilityInquiry.Provider;
import org.claimflow.eligibility.x12.EligibilityInquiry.Sex;
import org.claimflow.eligibility.x12.EligibilityRequestWriter;
import org.claimflow.eligibility.x12.EligibilityResponseReader;
import org.claimflow.eligibility.x12.X12ParseException;
import org.claimflow.eligibility.x12.X12Schemas;
import org.claimflow.eligibility.x12.X12ValidationException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

/**
 * Eligibility checks, the transaction boundary of eligibility-service. A check is three steps, and the
 * payer is called between two short transactions, never inside one: a payer may take up to the gateway's
 * timeout, and a connection held that long would starve the pool.
 * <ol>
 * <li>prepare (transaction): dedupe (idempotency key, processed event), find a fresh answer to reuse;</li>
 * <li>ask (no transaction): write the 270, call the payer, read the 271;</li>
 * <li>record (transaction): the check row, and for a claim the processed event and the outbox event.</li>
 * </ol>
 * A crash between the steps leaves nothing behind but a control number: the whole is safe to retry.
 */
@ApplicationScoped
public class EligibilityService {

    private static final Logger LOG = Logger.getLogger(EligibilityService.class);
    static final String CLAIM_ASSEMBLED_CONSUMER = "eligibility-service.claim-assembled";
    static final String CLAIM_REQUESTER = "claim-assembled";
    static final String API_REQUESTER = "api";
    static final List<String> CLAIM_SERVICE_TYPES = List.of(EligibilityInquiry.HEALTH_BENEFIT_PLAN_COVERAGE);
    private static final TypeReference<List<ServiceTypeBenefits>> BENEFITS = new TypeReference<>() { };

    private final EligibilityRequestWriter writer = new EligibilityRequestWriter();
    private final EligibilityResponseReader reader = new EligibilityResponseReader();
    private final PayerGateway payers;
    private final ControlNumberSequence controlNumbers;
    private final Inbox inbox;
    private final OutboxWriter outbox;
    private final IdempotencyStore idempotency;
    private final EligibilityConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final EligibilityMetrics eligibilityMetrics;
    private final TransactionManager transactions;
    private final Timer checkTimer;
    private final Timer overheadTimer;

    public EligibilityService(PayerGateway payers, ControlNumberSequence controlNumbers, Inbox inbox, OutboxWriter outbox,
                              IdempotencyStore idempotency, EligibilityConfig config, ObjectMapper mapper, Clock clock,
                              MeterRegistry metrics, EligibilityMetrics eligibilityMetrics, TransactionManager transactions) {
        this.payers = payers;
        this.controlNumbers = controlNumbers;
        this.inbox = inbox;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
        this.eligibilityMetrics = eligibilityMetrics;
        this.transactions = transactions;
        // Percentile histograms, so that /q/metrics gives p50/p95/p99 (histogram_quantile) of each.
        this.checkTimer = Timer.builder("claimflow.eligibility.check")
                .description("A whole real-time check, payer call included")
                .publishPercentileHistogram().register(metrics);
        this.overheadTimer = Timer.builder("claimflow.eligibility.check.overhead")
                .description("A real-time check's own time: the whole check less its payer call")
                .publishPercentileHistogram().register(metrics);
    }

    /** At start-up, not in the first check: see X12Schemas#preload. */
    void preloadX12Schemas(@Observes StartupEvent started) {
        X12Schemas.preload();
    }

    /** The outcome of a check asked through the API, as the HTTP response it becomes (and is replayed as). */
    public record CheckResult(int status, String body, String location, boolean replayed, CheckTiming timing) {
    }

    /** What became of one batch item: DONE names the check; RETRY and FAILED give a reason (no check stored). */
    public record BatchItemOutcome(Kind kind, UUID checkId, String reason) {
        public enum Kind { DONE, RETRY, FAILED }
    }

    /** What is asked of the payer, whoever asks. */
    record Question(String practiceId, UUID claimId, UUID encounterId, String payerId, String memberId, String firstName,
                    String lastName, LocalDate dateOfBirth, String sex, LocalDate dateOfService, List<String> serviceTypes,
                    String providerNpi, String providerName, String requestedBy) {
    }

    /** Step 1 of a claim's check: already done, or the fresh answer to reuse (null: ask the payer). */
    private record Prepared(boolean processed, EligibilityCheck fresh) {
    }

    /** An answer and how it was had: asked now (with its X12), or reused from an earlier check. */
    record Asked(CoverageAnswer answer, Integer controlNumber, String raw270, String raw271, UUID answeredByCheckId,
                 long payerNanos) {
    }

    /**
     * A real-time check asked through the API. It always asks the payer: a person asking wants today's
     * answer. A payer that fails or is too slow gives a stored ERROR check, not an error response.
     *
     * @throws InvalidInquiryException when the request cannot make a valid 270 (400)
     */
    public CheckResult check(EligibilityCheckRequest request, String idempotencyKey) {
        CheckTiming timing = new CheckTiming();
        if (idempotencyKey != null) {
            String requestHash = sha256(json(request));
            Optional<IdempotencyStore.StoredResponse> stored = timing.time(CheckTiming.Step.DB_KEY, () -> inTransaction(() ->
                    idempotency.claim(request.practiceId(), idempotencyKey, requestHash)));
            if (stored.isPresent()) {
                var s = stored.get();
                return new CheckResult(s.status(), s.body(), s.location(), true, timing.stop());
            }
        }
        try {
            Question question = questionOf(request);
            UUID id = UUID.randomUUID();
            Asked asked = ask(id, question, timing);
            String location = "/api/v1/eligibility/checks/" + id;
            // Row and answer are made before the transaction, which then only writes them: the shorter it is, the
            // sooner its connection is back in the pool. The answer's benefits are at hand, not read back from JSON.
            long buildStart = System.nanoTime();
            EligibilityCheck check = newCheck(id, question, asked);
            String body = json(toResponse(check, asked.answer().benefits()));
            timing.add(CheckTiming.Step.BUILD, System.nanoTime() - buildStart);
            timing.time(CheckTiming.Step.DB_STORE, () -> inTransaction(() -> {
                store(check, question, asked, Origin.REAL_TIME);
                if (idempotencyKey != null) {
                    idempotency.complete(request.practiceId(), idempotencyKey,
                            new IdempotencyStore.StoredResponse(201, body, location));
                }
                return null;
            }));
            timing.stop();
            checkTimer.record(timing.totalNanos(), TimeUnit.NANOSECONDS);
            overheadTimer.record(timing.overheadNanos(), TimeUnit.NANOSECONDS);
            return new CheckResult(201, body, location, false, timing);
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                inTransaction(() -> {
                    idempotency.release(request.practiceId(), idempotencyKey);
                    return null;
                });
            }
            throw e;
        }
    }

    /**
     * Consumer side of claim-assembled: checks the claim's coverage once and publishes EligibilityChecked.
     * A redelivered event is skipped; a fresh answer for the same member and date of service is reused.
     */
    public void checkForClaim(EventEnvelope envelope, ClaimAssembledEvent claim) {
        Question question = questionOf(envelope, claim);
        Instant notBefore = clock.instant().minus(config.freshness());
        Prepared prepared = inTransaction(() -> inbox.isProcessed(envelope.eventId(), CLAIM_ASSEMBLED_CONSUMER)
                ? new Prepared(true, null)
                : new Prepared(false, EligibilityCheck.latestAnswer(question.practiceId(), question.payerId(),
                        question.memberId(), question.dateOfService(), question.serviceTypes().get(0), notBefore)));
        if (prepared.processed()) {
            LOG.debugf("claim-assembled event %s already processed; skipped", envelope.eventId());
            return;
        }
        UUID id = UUID.randomUUID();
        Asked asked;
        if (prepared.fresh() != null) {
            asked = reused(prepared.fresh());
        } else {
            try {
                asked = ask(id, question, new CheckTiming());
            } catch (InvalidInquiryException e) {
                // Not a poison record: billing holds the claim until its data is corrected.
                asked = new Asked(CoverageAnswer.error(ReasonCodes.INVALID_INQUIRY, e.summary()), null, null, null, null, 0);
            }
        }
        Asked answer = asked;
        inTransaction(() -> {
            if (!inbox.markProcessed(envelope.eventId(), CLAIM_ASSEMBLED_CONSUMER, envelope.practiceId())) {
                return null; // a concurrent delivery of the same event won
            }
            EligibilityCheck check = record(id, question, answer, Origin.CLAIM);
            publishChecked(envelope, claim, check, answer.answer());
            return null;
        });
    }

    /**
     * One item of a batch (EligibilityBatchService): the claim path's reuse of a fresh answer, else the real-time
     * path's payer call, outside any transaction. A payer that is unavailable (down, breaker open, bulkhead full)
     * gives RETRY unless this is the last attempt, when the ERROR check is stored like any other. The check row and
     * whatever {@code alsoRecord} writes (the item's result) commit together.
     */
    BatchItemOutcome checkBatchItem(Question question, boolean lastAttempt, Consumer<EligibilityCheck> alsoRecord) {
        Instant notBefore = clock.instant().minus(config.freshness());
        EligibilityCheck fresh = inTransaction(() -> EligibilityCheck.latestAnswer(question.practiceId(), question.payerId(),
                question.memberId(), question.dateOfService(), question.serviceTypes().get(0), notBefore));
        UUID id = UUID.randomUUID();
        Asked asked;
        if (fresh != null) {
            asked = reused(fresh);
        } else {
            try {
                asked = ask(id, question, new CheckTiming());
            } catch (InvalidInquiryException e) {
                return new BatchItemOutcome(BatchItemOutcome.Kind.FAILED, null, truncate(e.summary(), 500));
            }
        }
        if (!lastAttempt && ReasonCodes.PAYER_UNAVAILABLE.equals(asked.answer().reasonCode())) {
            return new BatchItemOutcome(BatchItemOutcome.Kind.RETRY, null, truncate(asked.answer().reason(), 500));
        }
        Asked answer = asked;
        return inTransaction(() -> {
            EligibilityCheck check = record(id, question, answer, Origin.BATCH);
            alsoRecord.accept(check);
            return new BatchItemOutcome(BatchItemOutcome.Kind.DONE, check.id, null);
        });
    }

    private Asked reused(EligibilityCheck earlier) {
        return new Asked(answerOf(earlier), null, null, null, earlier.id, 0);
    }

    @Transactional
    public EligibilityCheckResponse get(UUID id) {
        return toResponse(find(id));
    }

    /** The 271 the payer sent for this check (for a reused answer: the one it reused). */
    @Transactional
    public String response271(UUID id) {
        EligibilityCheck check = find(id);
        EligibilityCheck asked = check.answeredByCheckId == null ? check : EligibilityCheck.findById(check.answeredByCheckId);
        if (asked == null || asked.raw271 == null) {
            throw new NotFoundException("The payer did not answer this check with a 271.");
        }
        return asked.raw271;
    }

    @Transactional
    public PageResponse<EligibilityCheckResponse> history(String memberId, String practiceId, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (memberId != null) {
            params.add(memberId);
            query.append(" and memberId = ?").append(params.size());
        }
        if (practiceId != null) {
            params.add(practiceId);
            query.append(" and practiceId = ?").append(params.size());
        }
        var found = EligibilityCheck.<EligibilityCheck>find(query + " order by createdAt desc, id", params.toArray());
        long total = found.count();
        List<EligibilityCheckResponse> items = found.page(page, size).list().stream().map(this::toResponse).toList();
        return new PageResponse<>(items, page, size, total);
    }

    /** Writes the 270, asks the payer and reads its 271, timing each step. Runs outside any transaction. */
    private Asked ask(UUID checkId, Question q, CheckTiming timing) {
        if (inTransaction()) {
            throw new IllegalStateException("a payer must not be called inside a database transaction");
        }
        int controlNumber = timing.time(CheckTiming.Step.DB_CONTROL_NUMBER, controlNumbers::next);
        long writeStart = System.nanoTime();
        String inquiry270;
        try {
            inquiry270 = writer.write(inquiryOf(checkId, q, controlNumber));
        } catch (X12ValidationException e) {
            throw new InvalidInquiryException(InquiryProblems.toFields(e.problems()));
        } finally {
            timing.add(CheckTiming.Step.WRITE_270, System.nanoTime() - writeStart);
        }
        long payerStart = System.nanoTime();
        PayerReply reply = payers.inquire(q.payerId(), inquiry270);
        long payerNanos = System.nanoTime() - payerStart;
        timing.add(CheckTiming.Step.PAYER, payerNanos);
        eligibilityMetrics.payerCalled(q.payerId(), payerNanos);
        if (!reply.answered()) {
            return new Asked(CoverageAnswer.error(ReasonCodes.PAYER_UNAVAILABLE, reply.failure()), controlNumber,
                    inquiry270, null, null, payerNanos);
        }
        long parseStart = System.nanoTime();
        CoverageAnswer answer;
        try {
            answer = CoverageAnswerMapper.toAnswer(reader.read(reply.response271()), checkId.toString(), q.serviceTypes());
        } catch (X12ParseException e) {
            // The reader's message names the segment at fault, never its data.
            LOG.warnf("payer %s answered check %s with an unreadable 271: %s", q.payerId(), checkId, e.getMessage());
            answer = CoverageAnswer.error(ReasonCodes.INVALID_RESPONSE, "The payer's answer could not be read as a 271.");
        } finally {
            timing.add(CheckTiming.Step.PARSE_271, System.nanoTime() - parseStart);
        }
        return new Asked(answer, controlNumber, inquiry270, reply.response271(), null, payerNanos);
    }

    private EligibilityInquiry inquiryOf(UUID checkId, Question q, int controlNumber) {
        return EligibilityInquiry.builder()
                .sender(config.submitterId())
                .receiver(config.receiverId())
                .controlNumbers(controlNumber, controlNumber, controlNumber)
                .production(config.production())
                .createdAt(LocalDateTime.now(clock))
                .trace(checkId.toString())
                .payer(q.payerId(), q.payerId())
                .provider(Provider.organization(q.providerName() == null ? config.providerName() : q.providerName(),
                        q.providerNpi()))
                .subscriber(q.memberId(), q.lastName(), q.firstName(), q.dateOfBirth(), sexOf(q.sex()))
                .dateOfService(q.dateOfService())
                .serviceTypes(q.serviceTypes().toArray(String[]::new))
                .build();
    }

    private EligibilityCheck record(UUID id, Question q, Asked asked, Origin origin) {
        return store(newCheck(id, q, asked), q, asked, origin);
    }

    private EligibilityCheck store(EligibilityCheck check, Question q, Asked asked, Origin origin) {
        check.persist();
        eligibilityMetrics.checked(check.status, origin, asked.answeredByCheckId() != null);
        return check;
    }

    /** The row of a check, not yet stored. */
    private EligibilityCheck newCheck(UUID id, Question q, Asked asked) {
        CoverageAnswer answer = asked.answer();
        NetworkBenefits headline = answer.headline();
        EligibilityCheck check = new EligibilityCheck();
        check.id = id;
        check.practiceId = q.practiceId();
        check.claimId = q.claimId();
        check.encounterId = q.encounterId();
        check.payerId = q.payerId();
        check.memberId = q.memberId();
        check.dateOfService = q.dateOfService();
        check.serviceTypeCodes = String.join(",", q.serviceTypes());
        check.status = answer.status();
        check.reasonCode = answer.reasonCode();
        check.reason = truncate(answer.reason(), 500);
        check.planName = truncate(answer.planName(), 100);
        check.groupNumber = truncate(answer.groupNumber(), 80);
        check.coverageStart = answer.coverageStart();
        check.coverageEnd = answer.coverageEnd();
        check.copay = headline.copay();
        check.coinsurance = headline.coinsurance();
        check.deductibleTotal = headline.deductibleTotal();
        check.deductibleRemaining = headline.deductibleRemaining();
        check.outOfPocketTotal = headline.outOfPocketTotal();
        check.outOfPocketRemaining = headline.outOfPocketRemaining();
        check.benefits = json(answer.benefits());
        check.answeredByCheckId = asked.answeredByCheckId();
        check.interchangeControlNumber = asked.controlNumber();
        check.raw270 = asked.raw270();
        check.raw271 = asked.raw271();
        check.requestedBy = q.requestedBy();
        // PostgreSQL keeps microseconds: the answer given now must read the same as the stored check later.
        check.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return check;
    }

    private void publishChecked(EventEnvelope envelope, ClaimAssembledEvent claim, EligibilityCheck check,
                                CoverageAnswer answer) {
        NetworkBenefits headline = answer.headline();
        BigDecimal estimate = check.status.eligible() ? PatientShareEstimatePolicy.estimate(claim.totalCharge(), headline) : null;
        EligibilityCheckedEvent event = new EligibilityCheckedEvent(check.id, claim.claimId(), claim.encounterId(),
                check.payerId, check.dateOfService, check.status.eligible(), check.status, check.reasonCode, check.reason,
                check.planName, check.coverageStart, check.coverageEnd, Amounts.money(headline.copay()),
                Amounts.fraction(headline.coinsurance()), Amounts.money(headline.deductibleRemaining()), estimate);
        String correlationId = envelope.correlationId() != null ? envelope.correlationId()
                : claim.encounterId() == null ? null : claim.encounterId().toString();
        outbox.append(Topics.ELIGIBILITY_CHECKED, Topics.ELIGIBILITY_CHECKED_TYPE, envelope.practiceId(),
                claim.claimId().toString(), correlationId, envelope.eventId().toString(), event);
    }

    private Question questionOf(EligibilityCheckRequest r) {
        List<String> serviceTypes = r.serviceTypeCodes() == null || r.serviceTypeCodes().isEmpty()
                ? List.of(EligibilityInquiry.HEALTH_BENEFIT_PLAN_COVERAGE)
                : r.serviceTypeCodes().stream().distinct().toList();
        LocalDate dateOfService = r.dateOfService() != null ? r.dateOfService() : LocalDate.now(clock);
        return new Question(r.practiceId(), null, null, r.payerId(), r.memberId(), r.subscriber().firstName(),
                r.subscriber().lastName(), r.subscriber().dateOfBirth(), r.subscriber().sex(), dateOfService, serviceTypes,
                r.providerNpi(), r.providerName(), r.requestedBy() != null ? r.requestedBy() : API_REQUESTER);
    }

    private static Question questionOf(EventEnvelope envelope, ClaimAssembledEvent c) {
        ClaimAssembledEvent.Subscriber s = c.subscriber();
        return new Question(envelope.practiceId(), c.claimId(), c.encounterId(), c.payerId(), c.memberId(),
                s == null ? null : s.firstName(), s == null ? null : s.lastName(), s == null ? null : s.dateOfBirth(),
                s == null ? null : s.sex(), c.dateOfService(), CLAIM_SERVICE_TYPES, c.billingProviderNpi(), null,
                CLAIM_REQUESTER);
    }

    private static Sex sexOf(String code) {
        if ("F".equals(code)) {
            return Sex.FEMALE;
        }
        return "M".equals(code) ? Sex.MALE : Sex.UNKNOWN;
    }

    private CoverageAnswer answerOf(EligibilityCheck c) {
        try {
            return new CoverageAnswer(c.status, c.reasonCode, c.reason, c.planName, c.groupNumber, c.coverageStart,
                    c.coverageEnd, mapper.readValue(c.benefits, BENEFITS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored benefits unreadable for check " + c.id, e);
        }
    }

    private EligibilityCheckResponse toResponse(EligibilityCheck c) {
        return toResponse(c, answerOf(c).benefits());
    }

    private EligibilityCheckResponse toResponse(EligibilityCheck c, List<ServiceTypeBenefits> benefits) {
        return new EligibilityCheckResponse(c.id, c.practiceId, c.claimId, c.payerId, c.memberId, c.dateOfService,
                c.serviceTypeCodeList(), c.status, c.status.eligible(), c.reasonCode, c.reason, c.planName, c.groupNumber,
                c.coverageStart, c.coverageEnd, Amounts.money(c.copay), Amounts.fraction(c.coinsurance),
                Amounts.money(c.deductibleTotal), Amounts.money(c.deductibleRemaining), Amounts.money(c.outOfPocketTotal),
                Amounts.money(c.outOfPocketRemaining), benefits, c.answeredByCheckId,
                c.interchangeControlNumber, c.requestedBy, c.createdAt);
    }

    private static EligibilityCheck find(UUID id) {
        EligibilityCheck check = EligibilityCheck.findById(id);
        if (check == null) {
            throw new NotFoundException("No eligibility check with this id.");
        }
        return check;
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("transaction status unknown", e);
        }
    }

    private static <T> T inTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
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
