package org.claimflow.billing.service;

import java.util.List;
import java.util.Optional;

import org.claimflow.billing.gateway.ClearinghouseGateway;
import org.claimflow.billing.gateway.ClearinghouseRefusedException;
import org.claimflow.billing.gateway.ClearinghouseUnavailableException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every second: write ready claims into interchanges, then send what is due (new files, and files whose
 * earlier attempt failed or was cut short by a crash). Sending happens outside any transaction.
 */
@ApplicationScoped
public class SubmissionJob {

    private static final Logger LOG = Logger.getLogger(SubmissionJob.class);
    private static final int SENDS_PER_RUN = 20;

    private final SubmissionService submissions;
    private final ClearinghouseGateway gateway;

    public SubmissionJob(SubmissionService submissions, ClearinghouseGateway gateway) {
        this.submissions = submissions;
        this.gateway = gateway;
    }

    public static final String IDENTITY = "claim-submission";

    @Scheduled(identity = IDENTITY, every = "${claimflow.submission.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            while (submissions.prepareBatches() > 0) {
                // keep writing while claims are waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("writing interchanges will be retried: %s", e.getClass().getSimpleName());
        }
        sendDue();
    }

    void sendDue() {
        List<SubmissionService.Due> due;
        try {
            due = submissions.leaseDue(SENDS_PER_RUN);
        } catch (RuntimeException e) {
            LOG.warnf("leasing interchanges will be retried: %s", e.getClass().getSimpleName());
            return;
        }
        for (SubmissionService.Due d : due) {
            send(d);
        }
    }

    private void send(SubmissionService.Due due) {
        Optional<String> ack;
        try {
            ack = gateway.submit(due.interchangeControlNumber(), due.x12());
        } catch (ClearinghouseRefusedException e) {
            LOG.warnf("interchange %s refused: %s", due.interchangeControlNumber(), e.getMessage());
            submissions.refused(due.submissionId(), e.getMessage());
            return;
        } catch (ClearinghouseUnavailableException | TimeoutException e) {
            LOG.warnf("interchange %s not delivered, will retry: %s", due.interchangeControlNumber(), e.getMessage());
            submissions.unavailable(due.submissionId(), e.getMessage());
            return;
        }
        try {
            submissions.delivered(due.submissionId(), ack);
        } catch (RuntimeException e) {
            // Recorded on a later attempt: the same file goes again and the clearinghouse answers the same 999.
            LOG.warnf("interchange %s delivered but not recorded, will resend: %s", due.interchangeControlNumber(),
                    e.getClass().getSimpleName());
        }
    }
}
