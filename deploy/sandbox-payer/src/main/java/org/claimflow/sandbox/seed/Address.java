package org.claimflow.sandbox.seed;

public record Address(String line, String city, String state, String postalCode) {
}
