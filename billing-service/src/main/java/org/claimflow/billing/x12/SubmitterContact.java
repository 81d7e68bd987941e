package org.claimflow.billing.x12;

/** 1000A PER*IC: who the receiver calls about the file. Phone (10 digits) or email, or both. */
public record SubmitterContact(String name, String phone, String email) {
}
