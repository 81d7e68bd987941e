package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.ClaimBalance;
import org.claimflow.billing.domain.ClaimLine;
import org.claimflow.billing.domain.LedgerEntryKind;
import org.claimflow.billing.domain.PatientAccount;
import org.claimflow.billing.domain.PatientLedgerEntry;
import org.claimflow.billing.domain.PatientPaymentAllocationPolicy;
import org.claimflow.billing.rest.PatientAccountResponse;
import org.claimflow.billing.rest.PatientPaymentRequest;
import org.claimflow.billing.rest.PatientPaymentResponse;
import org.claimflow.billing.rest.StatementResponse;
import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Patient accounts and their ledger: patient responsibility from remittances, patient payments, statements.
 * Patient money never touches a claim's insurance figures: a claim's patientResponsibility is what the payer
 * said the patient owes; what the patient paid lives only in the ledger.
 */
@ApplicationScoped
public class PatientAccountService {

    /** Keys per account query: two IN lists of at most this many. */
    private static final int IN_LIST = 500;
    private static final Comparator<PatientAccount.Key> KEY_ORDER = Comparator.comparing(PatientAccount.Key::practiceId)
            .thenComparing(PatientAccount.Key::payerId).thenComparing(PatientAccount.Key::memberId);

    private final EntityManager em;
    private final Clock clock;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;

    public PatientAccountService(EntityManager em, Clock clock, IdempotencyStore idempotency, ObjectMapper json) {
        this.em = em;
        this.clock = clock;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The account of a claim's patient, created on first sight (concurrent creators meet on the unique key). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientAccount accountFor(Claim claim) {
        return accountsFor(List.of(claim)).get(PatientAccount.Key.of(claim));
    }

    /**
     * The accounts of these claims' patients, created on first sight from the first claim that names each (concurrent
     * creators meet on the unique key). A few statements however many claims: a 1,000-claim remittance looked its
     * accounts up one claim at a time, three round trips for each account it created.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<PatientAccount.Key, PatientAccount> accountsFor(Collection<Claim> claims) {
        Map<PatientAccount.Key, Claim> named = new LinkedHashMap<>();
        claims.forEach(c -> named.putIfAbsent(PatientAccount.Key.of(c), c));
        Map<PatientAccount.Key, PatientAccount> accounts = existing(named.keySet());
        // In key order, so that two files creating the same accounts take their row locks in the same order.
        List<Claim> missing = named.entrySet().stream().filter(e -> !accounts.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByKey(KEY_ORDER)).map(Map.Entry::getValue).toList();
        if (!missing.isEmpty()) {
            create(missing);
            accounts.putAll(existing(missing.stream().map(PatientAccount.Key::of).toList()));
        }
        return accounts;
    }

    private static Map<PatientAccount.Key, PatientAccount> existing(Collection<PatientAccount.Key> keys) {
        List<PatientAccount.Key> wanted = List.copyOf(keys);
        Set<PatientAccount.Key> asked = new HashSet<>(wanted);
        Map<PatientAccount.Key, PatientAccount> found = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += IN_LIST) {
            List<PatientAccount.Key> chunk = wanted.subList(from, Math.min(wanted.size(), from + IN_LIST));
            PatientAccount.ofMembers(chunk.stream().map(PatientAccount.Key::practiceId).distinct().toList(),
                            chunk.stream().map(PatientAccount.Key::memberId).distinct().toList()).stream()
                    .filter(a -> asked.contains(a.key()))
                    .forEach(a -> found.put(a.key(), a));
        }
        return found;
    }

    /** One JDBC batch; a row another transaction created meanwhile is left as it is ({@code on conflict do nothing}). */
    private void create(List<Claim> claims) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into patient_account (id, practice_id, payer_id, member_id, first_name, last_name, date_of_birth, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (Claim claim : claims) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, claim.practiceId);
                    insert.setString(3, claim.payerId);
                    insert.setString(4, claim.memberId);
                    insert.setString(5, claim.patientFirstName);
                    insert.setString(6, claim.patientLastName);
                    insert.setObject(7, claim.patientDateOfBirth);
                    insert.setObject(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Moves the patient's balance by the PR adjustments of one posted claim payment, in the posting's
     * transaction. A reversal (negative PR amounts) and a re-adjudication that lowers the PR become ADJUSTMENT.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordPatientResponsibility(PatientAccount account, Claim claim, UUID claimPaymentId, BigDecimal patientShare,
                                            boolean reversal, Instant now) {
        if (patientShare.signum() == 0) {
            return;
        }
        PatientLedgerEntry entry = new PatientLedgerEntry();
        entry.id = UUID.randomUUID();
        entry.accountId = account.id;
        entry.practiceId = claim.practiceId;
        entry.claimId = claim.id;
        entry.claimPaymentId = claimPaymentId;
        entry.kind = reversal || patientShare.signum() < 0 ? LedgerEntryKind.ADJUSTMENT : LedgerEntryKind.CHARGE;
        entry.amount = ClaimBalance.cents(patientShare);
        entry.occurredAt = now;
        entry.persist();
    }

    @Transactional
    public List<PatientAccountResponse> find(String practiceId, String memberId) {
        List<PatientAccount> accounts = PatientAccount.list("practiceId = ?1 and memberId = ?2 order by createdAt", practiceId, memberId);
        return accounts.stream().map(this::toResponse).toList();
    }

    @Transactional
    public PatientAccountResponse get(UUID id) {
        return toResponse(account(id));
    }

    /** What a payment request did: {@code replayed} when the Idempotency-Key had already recorded it. */
    public record PaymentResult(int status, String body, String location, boolean replayed) {
    }

    /**
     * Records a patient payment. A payment larger than the balance is accepted (the patient has a credit) and
     * the answer says so.
     *
     * @throws IdempotencyKeyReusedException the key came with another payment before
     */
    @Transactional
    public PaymentResult pay(UUID accountId, PatientPaymentRequest request, String idempotencyKey) {
        PatientAccount account = account(accountId);
        if (idempotencyKey != null) {
            String hash = sha256(accountId + "|" + request.amount().setScale(2).toPlainString() + "|" + request.method() + "|"
                    + (request.reference() == null ? "" : request.reference()));
            Optional<IdempotencyStore.StoredResponse> stored = idempotency.claim(account.practiceId, idempotencyKey, hash);
            if (stored.isPresent()) {
                return new PaymentResult(stored.get().status(), stored.get().body(), stored.get().location(), true);
            }
        }
        Instant now = clock.instant();
        PatientLedgerEntry entry = new PatientLedgerEntry();
        entry.id = UUID.randomUUID();
        entry.accountId = account.id;
        entry.practiceId = account.practiceId;
        entry.kind = LedgerEntryKind.PAYMENT;
        entry.amount = request.amount().setScale(2).negate();
        entry.method = request.method();
        entry.reference = request.reference();
        entry.occurredAt = now;
        entry.persist();
        em.flush();

        BigDecimal balance = balance(account.id);
        boolean credit = balance.signum() < 0;
        PatientPaymentResponse response = new PatientPaymentResponse(entry.id, account.id, request.amount().setScale(2),
                request.method(), request.reference(), now, balance, credit,
                credit ? "The payment exceeds what the patient owed: the account has a credit balance of "
                        + balance.negate().toPlainString() + "." : null);
        String location = "api/v1/patients/" + account.id + "/payments/" + entry.id;
        String body = write(response);
        if (idempotencyKey != null) {
            idempotency.complete(account.practiceId, idempotencyKey, new IdempotencyStore.StoredResponse(201, body, location));
        }
        return new PaymentResult(201, body, location, false);
    }

    @Transactional
    public PatientPaymentResponse payment(UUID accountId, UUID paymentId) {
        PatientLedgerEntry entry = PatientLedgerEntry.findById(paymentId);
        if (entry == null || !entry.accountId.equals(accountId) || entry.kind != LedgerEntryKind.PAYMENT) {
            throw new NotFoundException("No payment with this id on this account.");
        }
        return new PatientPaymentResponse(entry.id, entry.accountId, entry.amount.negate(), entry.method, entry.reference,
                entry.occurredAt, null, false, null);
    }

    @Transactional
    public StatementResponse statement(UUID accountId) {
        PatientAccount account = account(accountId);
        return statement(account, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** The statement of an account as of today; the aging report ages its visit balances. */
    StatementResponse statement(PatientAccount account, LocalDate statementDate) {
        List<PatientLedgerEntry> ledger = PatientLedgerEntry.ofAccount(account.id);
        Map<UUID, BigDecimal> owedByClaim = ledger.stream().filter(e -> e.claimId != null)
                .collect(Collectors.groupingBy(e -> e.claimId, Collectors.reducing(BigDecimal.ZERO, e -> e.amount, BigDecimal::add)));
        List<PatientLedgerEntry> payments = ledger.stream().filter(e -> e.kind == LedgerEntryKind.PAYMENT).toList();
        BigDecimal paid = payments.stream().map(e -> e.amount.negate()).reduce(BigDecimal.ZERO, BigDecimal::add);

        // A replaced or voided claim was netted out by the payer's reversal (ledger sum 0); the replacement is the visit.
        List<Claim> claims = account.claims().stream()
                .filter(c -> c.status != ClaimStatus.REPLACED && c.status != ClaimStatus.VOIDED).toList();
        List<BigDecimal> owed = claims.stream().map(c -> ClaimBalance.cents(owedByClaim.getOrDefault(c.id, BigDecimal.ZERO))).toList();
        PatientPaymentAllocationPolicy.Allocation allocation = PatientPaymentAllocationPolicy.allocate(owed, paid);

        List<StatementResponse.Visit> visits = new ArrayList<>();
        BigDecimal charged = BigDecimal.ZERO;
        BigDecimal insurancePaid = BigDecimal.ZERO;
        BigDecimal adjustments = BigDecimal.ZERO;
        BigDecimal pending = BigDecimal.ZERO;
        BigDecimal responsibility = BigDecimal.ZERO;
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            ClaimBalance b = c.balance();
            BigDecimal applied = allocation.applied().get(i);
            visits.add(new StatementResponse.Visit(c.dateOfService, c.id, c.patientControlNumber, c.status,
                    ClaimLine.of(c.id).stream().map(l -> l.procedureCode).toList(), b.charged(), b.paid(), b.adjusted(),
                    b.outstanding(), owed.get(i), applied, owed.get(i).subtract(applied)));
            charged = charged.add(b.charged());
            insurancePaid = insurancePaid.add(b.paid());
            adjustments = adjustments.add(b.adjusted());
            pending = pending.add(b.outstanding());
            responsibility = responsibility.add(owed.get(i));
        }
        StatementResponse.Totals totals = new StatementResponse.Totals(charged, insurancePaid, adjustments, pending, responsibility,
                ClaimBalance.cents(paid), allocation.credit(), responsibility.subtract(paid));
        return new StatementResponse(account.id, account.practiceId, account.payerId, account.memberId,
                account.firstName + " " + account.lastName, account.dateOfBirth, statementDate, visits,
                payments.stream().map(p -> new StatementResponse.Payment(p.id, LocalDate.ofInstant(p.occurredAt, ZoneOffset.UTC),
                        p.method.name(), p.reference, p.amount.negate())).toList(),
                totals);
    }

    private PatientAccount account(UUID id) {
        PatientAccount account = PatientAccount.findById(id);
        if (account == null) {
            throw new NotFoundException("No patient account with this id.");
        }
        return account;
    }

    private PatientAccountResponse toResponse(PatientAccount a) {
        return new PatientAccountResponse(a.id, a.practiceId, a.payerId, a.memberId, a.firstName, a.lastName, a.dateOfBirth,
                balance(a.id));
    }

    private BigDecimal balance(UUID accountId) {
        BigDecimal sum = em.createQuery("select coalesce(sum(e.amount), 0) from PatientLedgerEntry e where e.accountId = ?1",
                BigDecimal.class).setParameter(1, accountId).getSingleResult();
        return ClaimBalance.cents(sum);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payment response not serialisable", e);
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
