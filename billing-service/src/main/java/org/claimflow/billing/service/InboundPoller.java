package org.claimflow.billing.service;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Polls the clearinghouse for 999, 277CA and 835 files. */
@ApplicationScoped
public class InboundPoller {

    private static final Logger LOG = Logger.getLogger(InboundPoller.class);

    private final InboundService inbound;

    public InboundPoller(InboundService inbound) {
        this.inbound = inbound;
    }

    @Scheduled(every = "${claimflow.clearinghouse.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            inbound.pollOnce();
        } catch (RuntimeException e) {
            // The files stay in the mailbox and are handled on a later poll.
            LOG.warnf("inbound poll will be retried: %s", e.getClass().getSimpleName());
        }
    }
}
