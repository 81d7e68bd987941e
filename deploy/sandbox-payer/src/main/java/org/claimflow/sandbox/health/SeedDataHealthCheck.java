package org.claimflow.sandbox.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.claimflow.sandbox.seed.SeedRepository;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class SeedDataHealthCheck implements HealthCheck {

    private final SeedRepository seed;

    SeedDataHealthCheck(SeedRepository seed) {
        this.seed = seed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sandbox-seed")
                .status(!seed.payers().isEmpty())
                .withData("payers", seed.payers().size())
                .withData("members", seed.members().size())
                .build();
    }
}
