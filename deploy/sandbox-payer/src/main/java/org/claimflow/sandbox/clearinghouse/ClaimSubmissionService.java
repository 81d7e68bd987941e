package org.claimflow.sandbox.clearinghouse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.claimflow.sandbox.acceptance.ClaimAcceptancePolicy;
import org.claimflow.sandbox.acceptance.Rejection;
import org.claimflow.sandbox.adjudication.AdjudicationLedger;
import org.claimflow.sandbox.adjudication.Adjudicator;
import org.claimflow.sandbox.adjudication.Claim;
import org.claimflow.sandbox.adjudication.ClaimAdjudication;
import org.claimflow.sandbox.adjudication.ReversalPolicy;
import org.claimflow.sandbox.config.SandboxConfig;
import org.claimflow.sandbox.mailbox.FileType;
import org.claimflow.sandbox.mailbox.Mailbox;
import org.claimflow.sandbox.seed.Payer;
import org.claimflow.sandbox.seed.SeedRepository;
import org.claimflow.sandbox.x12.Acknowledgment999Writer;
import org.claimflow.sandbox.x12.Claim837Parser;
import org.claimflow.sandbox.x12.Claim837StructureValidator;
import org.claimflow.sandbox.x12.ClaimAcknowledgment277Writer;
import org.claimflow.sandbox.x12.ClaimAcknowledgment;
import org.claimflow.sandbox.x12.FunctionalGroup;
import org.claimflow.sandbox.x12.Interchange;
import org.claimflow.sandbox.x12.Remittance835Writer;
import org.claimflow.sandbox.x12.RemittanceEntry;
import org.claimflow.sandbox.x12.SubmittedClaim;
import org.claimflow.sandbox.x12.SyntaxVerdict;
import org.claimflow.sandbox.x12.SyntaxVerdictPolicy;
import org.claimflow.sandbox.x12.TransactionSet;
import org.claimflow.sandbox.x12.X12Reader;
import org.jboss.logging.Logger;

/**
 * The clearinghouse and payer behind POST /x12/837: answers a 999 at once; for the accepted transaction
 * sets queues one 277CA (every claim accepted or rejected at the front door) and one 835 (every accepted
 * claim adjudicated). An interchange already seen (same sender and ISA13) gets its earlier 999 again and
 * queues nothing.
 */
@ApplicationScoped
public class ClaimSubmissionService {

    public static final String CLEARINGHOUSE_NAME = "SANDBOX CLEARINGHOUSE";
    private static final Logger LOG = Logger.getLogger(ClaimSubmissionService.class);

    private final X12Reader reader = new X12Reader();
    private final SyntaxVerdictPolicy syntax = new SyntaxVerdictPolicy("HC", "837",
            Set.of("005010X222A1", "005010X222"), new Claim837StructureValidator()::validate);
    private final Claim837Parser parser = new Claim837Parser();
    private final ClaimAcceptancePolicy acceptance = new ClaimAcceptancePolicy();
    private final ReversalPolicy reversals = new ReversalPolicy();
    private final Acknowledgment999Writer acknowledgments = new Acknowledgment999Writer();
    private final Remittance835Writer remittances = new Remittance835Writer();
    private final ClaimAcknowledgment277Writer claimAcknowledgments;
    private final Map<String, String> processedInterchanges = new ConcurrentHashMap<>();

    private final SeedRepository seed;
    private final Adjudicator adjudicator;
    private final AdjudicationLedger ledger;
    private final Mailbox mailbox;
    private final ControlNumbers controlNumbers;
    private final Clock clock;
    private final Duration remittanceDelay;

    ClaimSubmissionService(SeedRepository seed, Adjudicator adjudicator, AdjudicationLedger ledger, Mailbox mailbox,
            ControlNumbers controlNumbers, Clock clock, SandboxConfig config) {
        this.seed = seed;
        this.adjudicator = adjudicator;
        this.ledger = ledger;
        this.mailbox = mailbox;
        this.controlNumbers = controlNumbers;
        this.clock = clock;
        this.remittanceDelay = config.remittanceDelay();
        this.claimAcknowledgments = new ClaimAcknowledgment277Writer(CLEARINGHOUSE_NAME, config.clearinghouseId());
    }

    /**
     * @return one 999 per interchange in the body
     * @throws org.claimflow.sandbox.x12.InvalidX12Exception when the body cannot be read as X12
     */
    public synchronized String submit(byte[] body) {
        StringBuilder response = new StringBuilder();
        for (Interchange interchange : reader.read(body)) {
            response.append(process(interchange));
        }
        return response.toString();
    }

    private String process(Interchange interchange) {
        String earlier = processedInterchanges.get(interchange.identity());
        if (earlier != null) {
            LOG.infof("Duplicate 837 interchange %s from sender %s: earlier 999 returned, nothing queued",
                    interchange.controlNumber(), interchange.senderId());
            return earlier;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        SyntaxVerdict verdict = syntax.judge(interchange);
        String acknowledgment = acknowledgments.write(verdict, controlNumbers.nextInterchange(), now);
        processedInterchanges.put(interchange.identity(), acknowledgment);

        List<TransactionSet> accepted = verdict.acceptedTransactions();
        if (accepted.isEmpty()) {
            LOG.infof("837 interchange %s rejected by the 999: nothing queued", interchange.controlNumber());
            return acknowledgment;
        }
        FunctionalGroup group = verdict.groups().stream().filter(g -> !g.rejected() && g.acceptedCount() > 0)
                .map(SyntaxVerdict.GroupVerdict::group).findFirst().orElseThrow();
        List<List<ClaimAcknowledgment>> claimAcks = new ArrayList<>();
        Map<Payer, List<RemittanceEntry>> remittanceEntries = new LinkedHashMap<>();
        for (TransactionSet transaction : accepted) {
            List<ClaimAcknowledgment> acks = new ArrayList<>();
            for (SubmittedClaim claim : parser.parse(transaction)) {
                acks.add(acceptAndAdjudicate(claim, remittanceEntries));
            }
            claimAcks.add(acks);
        }
        deliver(FileType.CLAIM_ACKNOWLEDGMENT, Duration.ZERO, control -> claimAcknowledgments.write(interchange, group,
                claimAcks, control, now));
        if (!remittanceEntries.isEmpty()) {
            deliver(FileType.REMITTANCE, remittanceDelay, control -> remittances.write(interchange, group,
                    remittanceEntries, control, controlNumbers::nextEftTrace, now));
        }
        long total = claimAcks.stream().mapToLong(List::size).sum();
        long rejected = claimAcks.stream().flatMap(List::stream).filter(a -> !a.isAccepted()).count();
        LOG.infof("837 interchange %s: %d transaction sets accepted, %d claims (%d rejected at the front door)",
                interchange.controlNumber(), accepted.size(), total, rejected);
        return acknowledgment;
    }

    private void deliver(FileType type, Duration delay, LongFunction<String> content) {
        long control = controlNumbers.nextInterchange();
        mailbox.deliver(type, String.format("%09d", control), content.apply(control), delay);
    }

    private ClaimAcknowledgment acceptAndAdjudicate(SubmittedClaim submitted, Map<Payer, List<RemittanceEntry>> entries) {
        Claim claim = submitted.claim();
        Optional<Payer> payer = seed.payer(claim.payerId());
        boolean adjustsEarlierClaim = claim.isVoid() || claim.isReplacement();
        Optional<ClaimAdjudication> original = adjustsEarlierClaim
                ? claim.originalClaim().flatMap(number -> ledger.reversible(number, claim.payerId()))
                : Optional.empty();
        String npi = "XX".equals(submitted.billingProvider().idQualifier()) ? submitted.billingProvider().id() : "";
        Optional<Rejection> rejection = acceptance.rejection(claim, npi, payer.isPresent(), original.isPresent());
        if (rejection.isPresent()) {
            return ClaimAcknowledgment.rejected(submitted, rejection.get());
        }
        List<RemittanceEntry> remittance = entries.computeIfAbsent(payer.get(), p -> new ArrayList<>());
        if (original.isPresent()) {
            remittance.add(new RemittanceEntry(submitted, reversals.reverse(original.get())));
            ledger.markReversed(original.get().payerClaimControlNumber());
        }
        if (claim.isVoid()) {
            return ClaimAcknowledgment.accepted(submitted, original.orElseThrow().payerClaimControlNumber());
        }
        String payerClaimControlNumber = controlNumbers.nextPayerClaimControlNumber();
        ClaimAdjudication adjudication = adjudicator.adjudicate(claim, payerClaimControlNumber);
        ledger.record(adjudication);
        remittance.add(new RemittanceEntry(submitted, adjudication));
        return ClaimAcknowledgment.accepted(submitted, payerClaimControlNumber);
    }
}
