package org.claimflow.eligibility.x12;

/** EB01 eligibility or benefit information, grouped as the claim pipeline uses it. */
public enum BenefitType {
    ACTIVE_COVERAGE, INACTIVE, COINSURANCE, COPAYMENT, DEDUCTIBLE, OUT_OF_POCKET, LIMITATION, NON_COVERED,
    PRIMARY_CARE_PROVIDER, OTHER_PAYER, CONTACT_ENTITY, CANNOT_PROCESS, OTHER;

    static BenefitType fromCode(String eb01) {
        if (eb01 == null) {
            return OTHER;
        }
        return switch (eb01) {
            case "1", "2", "3", "4", "5" -> ACTIVE_COVERAGE;
            case "6", "7", "8" -> INACTIVE;
            case "A" -> COINSURANCE;
            case "B" -> COPAYMENT;
            case "C" -> DEDUCTIBLE;
            case "G" -> OUT_OF_POCKET;
            case "F" -> LIMITATION;
            case "I" -> NON_COVERED;
            case "L" -> PRIMARY_CARE_PROVIDER;
            case "R" -> OTHER_PAYER;
            case "U" -> CONTACT_ENTITY;
            case "V" -> CANNOT_PROCESS;
            default -> OTHER;
        };
    }
}
