package org.claimflow.eligibility.service;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells {@link TransientFailures} that the service is shutting down, before the persistence unit and the
 * datasource close, so that a consumer caught mid-record waits for the end instead of dead-lettering a good event.
 */
@ApplicationScoped
public class ShutdownWatch {

    void onStop(@Observes ShutdownEvent event) {
        TransientFailures.shuttingDown();
    }
}
