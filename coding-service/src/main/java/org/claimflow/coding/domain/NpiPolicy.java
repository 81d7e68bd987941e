package org.claimflow.coding.domain;

/**
 * The National Provider Identifier check digit: Luhn over the constant prefix 80840 and the first nine
 * digits (CMS, "NPI check digit"), so that a mistyped NPI is caught before a payer rejects the claim.
 */
public final class NpiPolicy {

    private NpiPolicy() {
    }

    public static boolean isValid(String npi) {
        if (npi == null || !npi.matches("\\d{10}")) {
            return false;
        }
        String digits = "80840" + npi.substring(0, 9);
        int sum = 0;
        boolean doubleIt = true;
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
        int check = (10 - (sum % 10)) % 10;
        return check == npi.charAt(9) - '0';
    }
}
