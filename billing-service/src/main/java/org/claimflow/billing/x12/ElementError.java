package org.claimflow.billing.x12;

/**
 * IK4 of a 999: the element in error. {@code position} is IK401-1, {@code componentPosition} IK401-2 and
 * {@code repetition} IK401-3 (null when absent), {@code referenceNumber} IK402 (the X12 data element number)
 * and {@code errorCode} IK403 (1 required element missing, 7 invalid code value, 8 invalid date...). IK404,
 * a copy of the bad data, is deliberately not kept: it may be patient data.
 */
public record ElementError(int position, Integer componentPosition, Integer repetition, String referenceNumber,
        String errorCode) {
}
