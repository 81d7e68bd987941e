package org.claimflow.billing.metrics;

import org.claimflow.billing.domain.Claim;
import org.claimflow.billing.domain.ClaimStatus;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every claim status change where Hibernate writes it: a new claim, or a flush whose status differs from
 * the loaded one. One place sees every transition (assembly, eligibility, scrubbing, submission, acknowledgments,
 * posting, corrections) without each of them remembering to count; {@link CommittedCounters} keeps the count
 * until the transaction commits. A status written with plain SQL would not be seen: none is, today.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class ClaimStatusTransitions implements Interceptor {

    private final BillingMetrics metrics;

    public ClaimStatusTransitions(BillingMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        if (entity instanceof Claim) {
            ClaimStatus status = status(state, propertyNames);
            if (status != null) {
                metrics.claimStatus(status);
            }
        }
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState,
                                String[] propertyNames, Type[] types) {
        if (entity instanceof Claim) {
            ClaimStatus now = status(currentState, propertyNames);
            ClaimStatus before = previousState == null ? null : status(previousState, propertyNames);
            if (now != null && now != before) {
                metrics.claimStatus(now);
            }
        }
        return false;
    }

    private static ClaimStatus status(Object[] state, String[] propertyNames) {
        for (int i = 0; i < propertyNames.length; i++) {
            if ("status".equals(propertyNames[i])) {
                return (ClaimStatus) state[i];
            }
        }
        return null;
    }
}
