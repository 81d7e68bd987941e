package org.claimflow.billing.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How 837P interchanges are addressed and how often the submission job runs. */
@ConfigMapping(prefix = "claimflow.submission")
public interface SubmissionConfig {

    /** How often the job looks for claims ready to submit (also read by its @Scheduled). */
    Duration interval();

    /** The most claims in one interchange. */
    int batchSize();

    /** ISA06/GS02 and loop 1000A (submitter). */
    String senderId();

    String senderName();

    /** ISA08/GS03 and loop 1000B (receiver). */
    String receiverId();

    String receiverName();

    String contactName();

    String contactPhone();

    /** ISA15: T test, P production. */
    String usageIndicator();

    /** SBR09 per payer id (CI commercial, MB Medicare Part B, MC Medicaid...); {@link #defaultClaimFilingIndicator()} otherwise. */
    Map<String, String> claimFilingIndicators();

    @WithDefault("CI")
    String defaultClaimFilingIndicator();

    /** The claim scrubber's timely-filing limit: days from the date of service (commercial payers: see the contract). */
    @WithDefault("365")
    int timelyFilingDays();

    /** Per payer id, where it differs from {@link #timelyFilingDays()} (Medicare: 12 months). */
    Map<String, Integer> timelyFilingDaysByPayer();

    /** How long to wait before sending an interchange again after the clearinghouse could not be reached. */
    Duration retryDelay();
}
