package org.claimflow.sandbox.adjudication;

import java.math.BigDecimal;

/** What the patient owes on one line: PR-3 copay, PR-1 deductible, PR-2 coinsurance. */
public record PatientShare(BigDecimal copay, BigDecimal deductible, BigDecimal coinsurance) {

    public BigDecimal total() {
        return copay.add(deductible).add(coinsurance);
    }
}
