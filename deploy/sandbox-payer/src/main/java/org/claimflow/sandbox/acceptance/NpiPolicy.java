package org.claimflow.sandbox.acceptance;

/** An NPI is ten digits whose last one is the Luhn check digit computed over "80840" + the first nine. */
public final class NpiPolicy {

    private static final String HEALTH_INDUSTRY_PREFIX = "80840";

    public boolean isValid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        return luhnCheckDigit(HEALTH_INDUSTRY_PREFIX + npi.substring(0, 9)) == npi.charAt(9) - '0';
    }

    static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean doubleIt = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int digit = payload.charAt(i) - '0';
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
