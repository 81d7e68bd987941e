package org.claimflow.billing.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.claimflow.billing.gateway.ClearinghouseGateway;
import org.claimflow.billing.gateway.ClearinghouseRefusedException;
import org.claimflow.billing.gateway.ClearinghouseUnavailableException;
import org.claimflow.billing.persistence.PracticeScope;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Writes ready claims into interchanges, then sends what is due (new files, and files whose earlier attempt failed
 * or was cut short by a crash), as soon as a claim becomes ready and every second as a safety net. Sending happens
 * outside any transaction; one run at a time.
 */
@ApplicationScoped
public class SubmissionJob {

    private static final Logger LOG = Logger.getLogger(SubmissionJob.class);
    private static final int SENDS_PER_RUN = 20;

    private final SubmissionService submissions;
    private final ClearinghouseGateway gateway;
    private final Scheduler scheduler;
    private final ClaimTracing tracing;

    public SubmissionJob(SubmissionService submissions, ClearinghouseGateway gateway, Scheduler scheduler,
                         ClaimTracing tracing) {
        this.scheduler = scheduler;
        this.tracing = tracing;
        this.submissions = submissions;
        this.gateway = gateway;
    }

    public static final String IDENTITY = "claim-submission";

    /** One thread for runs woken by a commit, so that a wake-up never blocks the committing consumer. */
    private final ExecutorService woken = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "submission-wake");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /**
     * A claim became ready: run now rather than at the next tick (that wait was most of encounter → submitted).
     * Wake-ups coalesce: while a run works, later ones make it go round once more, so claims that become ready
     * together still share an interchange.
     */
    void onReady(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimReadyToSubmit ready) {
        if (scheduler.isPaused(IDENTITY)) {
            // An operator paused submissions (Scheduler API): a wake-up must not go round that.
            return;
        }
        wanted.set(true);
        if (!running.get()) {
            woken.execute(this::runWhileWanted);
        }
    }

    @PreDestroy
    void stop() {
        woken.shutdownNow();
    }

    @Scheduled(identity = IDENTITY, every = "${claimflow.submission.interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        // The safety net: retries that fell due, claims made ready by paths that do not wake the job, a crash's leftovers.
        wanted.set(true);
        runWhileWanted();
    }

    private void runWhileWanted() {
        while (wanted.get() && running.compareAndSet(false, true)) {
            try {
                while (wanted.getAndSet(false)) {
                    // Interchanges are written per practice and payer from the ready claims of every practice.
                    PracticeScope.acrossPractices(this::run);
                }
            } finally {
                running.set(false);
            }
        }
    }

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
            tracing.inFileSpan("send 837P", () -> {
                send(d);
                return null;
            });
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
