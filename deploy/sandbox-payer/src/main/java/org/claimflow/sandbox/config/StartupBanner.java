package org.claimflow.sandbox.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.claimflow.sandbox.seed.SeedRepository;
import org.jboss.logging.Logger;

/** Says loudly, once, that this service is not a real payer. */
@ApplicationScoped
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent event, SeedRepository seed, SandboxConfig config) {
        LOG.infof("SANDBOX PAYER started: a stand-in for payers and a clearinghouse (X12 5010 over HTTP), "
                + "NOT a real payer and not for production. Seed: %d payers, %d members; remittance delay %s.",
                seed.payers().size(), seed.members().size(), config.remittanceDelay());
    }
}
