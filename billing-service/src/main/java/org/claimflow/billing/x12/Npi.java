package org.claimflow.billing.x12;

/**
 * National Provider Identifier check: ten digits whose last is the Luhn check digit computed over the
 * card-issuer prefix 80840 followed by the first nine digits (CMS, "Requirements for NPI check digit").
 */
public final class Npi {

    private static final String PREFIX = "80840";

    private Npi() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        String digits = PREFIX + npi;
        int sum = 0;
        // Luhn: from the rightmost digit (the check digit), double every second digit.
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
