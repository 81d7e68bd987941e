package org.claimflow.billing.domain;

import java.util.Optional;

import jakarta.persistence.EntityManager;

/** Billing providers a practice has registered, with the address the 837P needs (loop 2010AA). */
public final class ProviderRegistry {

    public record Address(String name, String line1, String line2, String city, String state, String postalCode) {
    }

    private ProviderRegistry() {
    }

    public static Optional<Address> find(EntityManager em, String practiceId, String npi) {
        return em.createNativeQuery("""
                        select name, line1, line2, city, state, postal_code from provider_registry
                        where practice_id = :p and npi = :n""", Object[].class)
                .setParameter("p", practiceId)
                .setParameter("n", npi)
                .getResultStream()
                .map(r -> {
                    Object[] row = (Object[]) r;
                    return new Address((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                            (String) row[4], (String) row[5]);
                })
                .findFirst();
    }
}
