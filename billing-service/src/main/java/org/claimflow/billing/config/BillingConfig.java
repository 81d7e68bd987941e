package org.claimflow.billing.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Claim assembly settings. */
@ConfigMapping(prefix = "claimflow.billing")
public interface BillingConfig {

    /**
     * The billing provider address used when the provider registry has no row for the practice and NPI.
     * A placeholder that a person sees on the claim; the claim still goes out, since the payer pays the NPI.
     */
    DefaultAddress defaultBillingAddress();

    interface DefaultAddress {
        String line1();

        Optional<String> line2();

        String city();

        String state();

        String postalCode();
    }
}
