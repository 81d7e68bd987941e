package org.claimflow.billing.domain;

/** How a patient paid. */
public enum PaymentMethod {
    CASH, CARD, CHECK
}
