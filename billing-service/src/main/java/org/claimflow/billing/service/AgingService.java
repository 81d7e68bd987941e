package org.claimflow.billing.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.claimflow.billing.domain.AgingBucket;
import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimStatus;
import org.claimflow.billing.domain.PatientAccount;
import org.claimflow.billing.rest.AgingResponse;
import org.claimflow.billing.rest.StatementResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Accounts-receivable aging of a practice: what payers and patients still owe, by days since the date of
 * service. {@code asOf} is the day the ages are counted to; the amounts are those posted so far.
 */
@ApplicationScoped
public class AgingService {

    /** The payer has these claims (or has to adjudicate them again): their outstanding amount is insurance AR. */
    static final Set<ClaimStatus> AT_THE_PAYER = EnumSet.of(ClaimStatus.SUBMITTING, ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED,
            ClaimStatus.PAID, ClaimStatus.PARTIALLY_DENIED, ClaimStatus.DENIED, ClaimStatus.REVERSED);

    private final PatientAccountService patients;
    private final Clock clock;

    public AgingService(PatientAccountService patients, Clock clock) {
        this.patients = patients;
        this.clock = clock;
    }

    private static final class Tally {
        final Map<AgingBucket, BigDecimal> amounts = new EnumMap<>(AgingBucket.class);
        int items;

        void add(AgingBucket bucket, BigDecimal amount) {
            amounts.merge(bucket, amount, BigDecimal::add);
            items++;
        }

        void addAll(Tally other) {
            other.amounts.forEach((b, a) -> amounts.merge(b, a, BigDecimal::add));
            items += other.items;
        }

        AgingResponse.Row row(String payerId) {
            BigDecimal total = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new AgingResponse.Row(payerId, new AgingResponse.Buckets(get(AgingBucket.DAYS_0_30), get(AgingBucket.DAYS_31_60),
                    get(AgingBucket.DAYS_61_90), get(AgingBucket.DAYS_91_120), get(AgingBucket.DAYS_OVER_120)),
                    total.setScale(2), items);
        }

        private BigDecimal get(AgingBucket bucket) {
            return amounts.getOrDefault(bucket, BigDecimal.ZERO).setScale(2);
        }
    }

    @Transactional
    public AgingResponse aging(String practiceId, LocalDate asOf) {
        LocalDate day = asOf != null ? asOf : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Tally> byPayer = new TreeMap<>();
        List<Claim> claims = Claim.list("practiceId = ?1 and status in ?2 and dateOfService <= ?3", practiceId, AT_THE_PAYER, day);
        for (Claim claim : claims) {
            BigDecimal outstanding = claim.balance().outstanding();
            if (outstanding.signum() != 0) {
                AgingBucket.of(claim.dateOfService, day)
                        .ifPresent(b -> byPayer.computeIfAbsent(claim.payerId, p -> new Tally()).add(b, outstanding));
            }
        }
        Tally patientTally = new Tally();
        BigDecimal credits = BigDecimal.ZERO;
        for (PatientAccount account : PatientAccount.<PatientAccount>list("practiceId = ?1 order by createdAt", practiceId)) {
            StatementResponse statement = patients.statement(account, day);
            for (StatementResponse.Visit visit : statement.visits()) {
                if (visit.balance().signum() > 0) {
                    AgingBucket.of(visit.dateOfService(), day).ifPresent(b -> patientTally.add(b, visit.balance()));
                }
            }
            credits = credits.add(statement.totals().unappliedCredit());
        }
        Tally total = new Tally();
        byPayer.values().forEach(total::addAll);
        total.addAll(patientTally);
        return new AgingResponse(practiceId, day, "DATE_OF_SERVICE",
                byPayer.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList(),
                patientTally.row(null), credits.setScale(2), total.row(null));
    }
}
