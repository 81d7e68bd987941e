package org.claimflow.billing.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A patient's account at a practice and what the patient owes now (negative: a credit). */
public record PatientAccountResponse(UUID id, String practiceId, String payerId, String memberId, String firstName,
                                     String lastName, LocalDate dateOfBirth, BigDecimal balance) {
}
