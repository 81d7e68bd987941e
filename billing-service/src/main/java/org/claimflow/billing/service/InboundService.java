package org.claimflow.billing.service;

import java.time.Clock;
import java.util.List;

import org.claimflow.billing.domain.RemittanceStatus;
import org.claimflow.billing.gateway.ClearinghouseGateway;
import org.claimflow.billing.gateway.InboundFile;
import org.claimflow.billing.persistence.PracticeScope;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Handles the files the clearinghouse has for us, oldest first, then acknowledges each so it is not
 * offered again. A file is recorded as handled in {@code inbound_file}, so a file offered again (the
 * acknowledgment was lost) is only acknowledged. A file that cannot be handled for a reason that will not
 * go away (unreadable, unbalanced) is kept (835: REFUSED) and acknowledged; a failure that may go away
 * (database down) leaves it in the mailbox for the next poll.
 */
@ApplicationScoped
public class InboundService {

    private static final Logger LOG = Logger.getLogger(InboundService.class);

    private final ClearinghouseGateway gateway;
    private final AcknowledgmentService acknowledgments;
    private final RemittanceService remittances;
    private final EntityManager em;
    private final Clock clock;
    private final ClaimTracing tracing;

    public InboundService(ClearinghouseGateway gateway, AcknowledgmentService acknowledgments, RemittanceService remittances,
                          EntityManager em, Clock clock, ClaimTracing tracing) {
        this.tracing = tracing;
        this.gateway = gateway;
        this.acknowledgments = acknowledgments;
        this.remittances = remittances;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Cross-practice by nature: a clearinghouse file (an 835 from a payer, a 277CA, a 999) answers for claims of
     * any practice.
     *
     * @return how many files were handled
     */
    public int pollOnce() {
        return PracticeScope.acrossPractices(this::handleMailbox);
    }

    private int handleMailbox() {
        List<InboundFile> files = gateway.inbound();
        int handled = 0;
        for (InboundFile file : files) {
            String sourceId = file.type() + ":" + file.id();
            if (!alreadyHandled(sourceId)) {
                String text = gateway.read(file);
                String outcome = tracing.inFileSpan("handle " + file.type(), () -> handle(file, text));
                record(sourceId, file.type(), outcome);
                LOG.infof("inbound %s %s: %s", file.type(), file.id(), outcome);
            }
            gateway.acknowledge(file);
            handled++;
        }
        return handled;
    }

    private String handle(InboundFile file, String text) {
        try {
            return switch (file.type()) {
                case InboundFile.CLAIM_ACK_277CA -> "applied to " + acknowledgments.apply277(text) + " claim(s)";
                case InboundFile.ACK_999 -> "applied to " + acknowledgments.apply999(text) + " interchange(s)";
                case InboundFile.REMITTANCE_835 -> post(text);
                default -> "ignored: not a file type billing handles";
            };
        } catch (InvalidX12Exception e) {
            if (InboundFile.REMITTANCE_835.equals(file.type())) {
                remittances.refuse(text, List.of(e.getMessage()));
            }
            LOG.warnf("inbound %s %s unreadable, kept and skipped: %s", file.type(), file.id(), e.getMessage());
            return "unreadable";
        }
    }

    private String post(String text) {
        try {
            RemittanceService.PostingResult result = remittances.post(text);
            return result.duplicate() ? "duplicate, nothing posted"
                    : "posted " + result.claimsPosted() + " claim(s), " + result.unmatched() + " unmatched";
        } catch (UnbalancedRemittanceException e) {
            // Logged by count only: the violation messages carry claim numbers and amounts.
            LOG.warnf("835 refused: %d balancing rule(s) do not hold; kept as %s", e.violations().size(), RemittanceStatus.REFUSED);
            remittances.refuse(text, e.violations());
            return "refused (unbalanced)";
        }
    }

    private boolean alreadyHandled(String sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from inbound_file where source_id = :id")
                .setParameter("id", sourceId).getResultList().isEmpty());
    }

    private void record(String sourceId, String kind, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into inbound_file (source_id, kind, outcome, received_at) values (:id, :kind, :outcome, :now)
                        on conflict (source_id) do nothing""")
                .setParameter("id", sourceId)
                .setParameter("kind", kind)
                .setParameter("outcome", outcome.length() > 200 ? outcome.substring(0, 200) : outcome)
                .setParameter("now", clock.instant())
                .executeUpdate());
    }
}
