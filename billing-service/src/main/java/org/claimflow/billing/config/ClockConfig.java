package org.claimflow.billing.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** One clock for the service, so tests and rules that depend on "today" can be pinned. */
@ApplicationScoped
public class ClockConfig {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
