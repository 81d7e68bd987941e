package org.claimflow.eligibility.x12;

/** National Provider Identifier check: 10 digits, the last a Luhn check digit computed over 80840 + the first 9. */
public final class Npi {

    private static final String HEALTH_INDUSTRY_PREFIX = "80840";

    private Npi() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || npi.length() != 10 || !npi.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        String digits = HEALTH_INDUSTRY_PREFIX + npi;
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
