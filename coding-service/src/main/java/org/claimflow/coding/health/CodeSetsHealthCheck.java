package org.claimflow.coding.health;

import org.claimflow.coding.codeset.CodeSetCatalog;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Not ready until the code sets are loaded: without them the edits would let wrong codes through. */
@Readiness
@ApplicationScoped
public class CodeSetsHealthCheck implements HealthCheck {

    private final CodeSetCatalog catalog;

    public CodeSetsHealthCheck(CodeSetCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("code-sets");
        if (!catalog.ready()) {
            return response.down().withData("status", catalog.problem()).build();
        }
        catalog.versions().forEach(v -> response.withData(v.tag(), v.effectiveFrom() + " to "
                + (v.effectiveTo() == null ? "open" : v.effectiveTo().toString())));
        return response.up().build();
    }
}
