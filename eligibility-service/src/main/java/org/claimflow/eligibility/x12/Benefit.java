package org.claimflow.eligibility.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One EB segment of a 271 (loop 2110C/2110D) with the dates and messages that follow it.
 *
 * @param type             EB01 grouped; {@link #code()} keeps EB01 itself
 * @param coverageLevel    EB02, null when absent
 * @param serviceTypeCodes EB03 (repeats), empty when the benefit is not tied to a service type
 * @param insuranceType    EB04, e.g. HM (HMO), PR (PPO), MB (Medicare part B)
 * @param planDescription  EB05, the plan's name as the payer calls it
 * @param timePeriod       EB06, null when absent
 * @param amount           EB07 monetary amount (copay, deductible, out-of-pocket)
 * @param percent          EB08 as a fraction: 0.20 is 20 % coinsurance (for a coinsurance without EB08, a
 *                         fraction found in EB07)
 * @param quantity         EB10 with its qualifier EB09 (e.g. VS visits)
 * @param authorizationRequired EB11 Y/N, null when absent or U
 * @param network          EB12
 * @param periodBegin      from the loop's DTP (plan, eligibility or benefit dates), may be null
 * @param messages         MSG free-form texts of the loop
 */
public record Benefit(
        BenefitType type,
        String code,
        CoverageLevel coverageLevel,
        List<String> serviceTypeCodes,
        String insuranceType,
        String planDescription,
        TimePeriod timePeriod,
        BigDecimal amount,
        BigDecimal percent,
        String quantityQualifier,
        BigDecimal quantity,
        Boolean authorizationRequired,
        Network network,
        LocalDate periodBegin,
        LocalDate periodEnd,
        List<String> messages) {

    public Benefit {
        serviceTypeCodes = serviceTypeCodes == null ? List.of() : List.copyOf(serviceTypeCodes);
        messages = messages == null ? List.of() : List.copyOf(messages);
        network = network == null ? Network.UNKNOWN : network;
    }

    /** True when EB03 lists the service type. */
    public boolean coversServiceType(String serviceType) {
        return serviceTypeCodes.contains(serviceType);
    }
}
