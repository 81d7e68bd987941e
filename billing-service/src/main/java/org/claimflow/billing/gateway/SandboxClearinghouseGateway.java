package org.claimflow.billing.gateway;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/**
 * The payer sandbox over HTTP: POST the 837 (the 999 is the answer), poll the mailbox for 277CA and 835.
 * Short retries absorb a blip; anything longer is the submission job's business (it retries the stored file).
 */
@ApplicationScoped
@Typed(SandboxClearinghouseGateway.class)
public class SandboxClearinghouseGateway implements ClearinghouseGateway {

    private final SandboxPayerClient client;

    public SandboxClearinghouseGateway(@RestClient SandboxPayerClient client) {
        this.client = client;
    }

    @Override
    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = ClearinghouseUnavailableException.class)
    public Optional<String> submit(String interchangeControlNumber, String x12) {
        try {
            return Optional.of(client.submit837(x12));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new ClearinghouseRefusedException("sandbox refused interchange " + interchangeControlNumber + " with HTTP " + status);
            }
            throw new ClearinghouseUnavailableException("sandbox answered HTTP " + status, e);
        } catch (ProcessingException e) {
            throw new ClearinghouseUnavailableException("sandbox unreachable: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public List<InboundFile> inbound() {
        try {
            var mailbox = client.mailbox();
            if (mailbox == null || mailbox.items() == null) {
                return List.of();
            }
            return mailbox.items().stream().map(i -> new InboundFile(i.id(), i.type(), i.interchangeControlNumber())).toList();
        } catch (WebApplicationException | ProcessingException e) {
            throw new ClearinghouseUnavailableException("sandbox mailbox unavailable", e);
        }
    }

    @Override
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public String read(InboundFile file) {
        try {
            return client.read(file.id());
        } catch (WebApplicationException | ProcessingException e) {
            throw new ClearinghouseUnavailableException("sandbox mailbox file unavailable", e);
        }
    }

    @Override
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public void acknowledge(InboundFile file) {
        try {
            client.acknowledge(file.id());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw new ClearinghouseUnavailableException("sandbox did not take the acknowledgment", e);
            }
            // Already acknowledged (a previous attempt got through): nothing left to do.
        } catch (ProcessingException e) {
            throw new ClearinghouseUnavailableException("sandbox unreachable", e);
        }
    }
}
