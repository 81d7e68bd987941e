package org.claimflow.eligibility.x12;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a 270 eligibility inquiry (005010X279A1) asks: one subscriber, one payer, one provider.
 * Nothing is checked here; {@link EligibilityRequestWriter} lists every problem at once.
 *
 * @param envelope          interchange, group and transaction identifiers, chosen by the caller
 * @param referenceId       BHT03, the submitter's reference of this inquiry (defaults to the trace number)
 * @param createdAt         BHT04/05, GS04/05 and ISA09/10
 * @param traceNumber       TRN02 of the 2000C TRN*1; the payer echoes it in TRN*2
 * @param traceOriginatorId TRN03, 10 characters: '1' + EIN or '9' + a 9-character id of the originator
 * @param payer             information source (2100A)
 * @param provider          information receiver (2100B)
 * @param subscriber        the person whose coverage is asked about (2100C)
 * @param dateOfService     DTP*291 of 2100C; when null the payer answers for today
 * @param serviceTypeCodes  one EQ (2110C) per code; 30 (health benefit plan coverage) when empty
 */
public record EligibilityInquiry(
        Envelope envelope,
        String referenceId,
        LocalDateTime createdAt,
        String traceNumber,
        String traceOriginatorId,
        Payer payer,
        Provider provider,
        Subscriber subscriber,
        LocalDate dateOfService,
        List<String> serviceTypeCodes) {

    public static final String HEALTH_BENEFIT_PLAN_COVERAGE = "30";

    public EligibilityInquiry {
        serviceTypeCodes = serviceTypeCodes == null || serviceTypeCodes.isEmpty()
                ? List.of(HEALTH_BENEFIT_PLAN_COVERAGE)
                // may hold nulls: the writer reports them as problems
                : Collections.unmodifiableList(new ArrayList<>(serviceTypeCodes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param senderQualifier  ISA05 (e.g. ZZ mutually defined)
     * @param senderId         ISA06 and GS02
     * @param receiverQualifier ISA07
     * @param receiverId       ISA08 and GS03
     * @param interchangeControlNumber ISA13 = IEA02, 1..999999999
     * @param groupControlNumber GS06 = GE02, 1..999999999
     * @param transactionControlNumber ST02 = SE02, 1..999999999 (written with at least 4 digits)
     * @param production       ISA15 P, else T (test)
     */
    public record Envelope(
            String senderQualifier,
            String senderId,
            String receiverQualifier,
            String receiverId,
            int interchangeControlNumber,
            int groupControlNumber,
            int transactionControlNumber,
            boolean production) {
    }

    /** Information source, 2100A: NM1*PR*2*name*****PI*id. */
    public record Payer(String name, String id) {
    }

    /** Information receiver, 2100B: NM1*1P, a person (1) or an organization (2), identified by NPI (XX). */
    public record Provider(EntityType entityType, String lastOrOrganizationName, String firstName, String npi) {

        public static Provider organization(String name, String npi) {
            return new Provider(EntityType.ORGANIZATION, name, null, npi);
        }

        public static Provider person(String lastName, String firstName, String npi) {
            return new Provider(EntityType.PERSON, lastName, firstName, npi);
        }
    }

    public enum EntityType {
        PERSON("1"), ORGANIZATION("2");

        private final String code;

        EntityType(String code) {
            this.code = code;
        }

        /** NM102 entity type qualifier. */
        public String code() {
            return code;
        }
    }

    /**
     * Subscriber, 2100C. With a member id the payer searches by id; without one it needs last name,
     * first name and date of birth. {@link #toString()} does not show patient data.
     */
    public record Subscriber(String memberId, String lastName, String firstName, LocalDate dateOfBirth, Sex sex) {

        @Override
        public String toString() {
            return "Subscriber[memberId=" + mask(memberId) + ", lastName=" + mask(lastName) + ", firstName="
                    + mask(firstName) + ", dateOfBirth=" + (dateOfBirth == null ? "null" : "***") + ", sex=" + sex + "]";
        }

        private static String mask(String value) {
            return value == null ? "null" : "***";
        }
    }

    public enum Sex {
        FEMALE("F"), MALE("M"), UNKNOWN(null);

        private final String code;

        Sex(String code) {
            this.code = code;
        }

        /** DMG03 gender code, or null when not sent. */
        public String code() {
            return code;
        }
    }

    public static final class Builder {
        private String senderQualifier = "ZZ";
        private String senderId;
        private String receiverQualifier = "ZZ";
        private String receiverId;
        private int interchangeControlNumber;
        private int groupControlNumber;
        private int transactionControlNumber;
        private boolean production;
        private String referenceId;
        private LocalDateTime createdAt;
        private String traceNumber;
        private String traceOriginatorId;
        private Payer payer;
        private Provider provider;
        private Subscriber subscriber;
        private LocalDate dateOfService;
        private final List<String> serviceTypeCodes = new ArrayList<>();

        private Builder() {
        }

        public Builder sender(String qualifier, String id) {
            this.senderQualifier = qualifier;
            this.senderId = id;
            return this;
        }

        public Builder sender(String id) {
            this.senderId = id;
            return this;
        }

        public Builder receiver(String qualifier, String id) {
            this.receiverQualifier = qualifier;
            this.receiverId = id;
            return this;
        }

        public Builder receiver(String id) {
            this.receiverId = id;
            return this;
        }

        public Builder controlNumbers(int interchange, int group, int transaction) {
            this.interchangeControlNumber = interchange;
            this.groupControlNumber = group;
            this.transactionControlNumber = transaction;
            return this;
        }

        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        public Builder referenceId(String referenceId) {
            this.referenceId = referenceId;
            return this;
        }

        public Builder createdAt(LocalDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder trace(String traceNumber) {
            this.traceNumber = traceNumber;
            return this;
        }

        public Builder trace(String traceNumber, String originatorId) {
            this.traceNumber = traceNumber;
            this.traceOriginatorId = originatorId;
            return this;
        }

        public Builder payer(String name, String id) {
            this.payer = new Payer(name, id);
            return this;
        }

        public Builder provider(Provider provider) {
            this.provider = provider;
            return this;
        }

        public Builder subscriber(Subscriber subscriber) {
            this.subscriber = subscriber;
            return this;
        }

        public Builder subscriber(String memberId, String lastName, String firstName, LocalDate dateOfBirth, Sex sex) {
            return subscriber(new Subscriber(memberId, lastName, firstName, dateOfBirth, sex));
        }

        public Builder dateOfService(LocalDate dateOfService) {
            this.dateOfService = dateOfService;
            return this;
        }

        /** Adds service type codes; without any, the inquiry asks for 30 (health benefit plan coverage). */
        public Builder serviceTypes(String... codes) {
            Collections.addAll(serviceTypeCodes, codes);
            return this;
        }

        /**
         * Defaults: qualifiers ZZ, test usage, creation time now, reference id = trace number, trace
         * originator = '9' + the first nine digits of the provider's NPI (a user-assigned originator id).
         */
        public EligibilityInquiry build() {
            LocalDateTime created = createdAt != null ? createdAt : LocalDateTime.now();
            String originator = traceOriginatorId;
            if (originator == null && provider != null && provider.npi() != null && provider.npi().length() >= 9) {
                originator = "9" + provider.npi().substring(0, 9);
            }
            return new EligibilityInquiry(
                    new Envelope(senderQualifier, senderId, receiverQualifier, receiverId, interchangeControlNumber,
                            groupControlNumber, transactionControlNumber, production),
                    referenceId != null ? referenceId : traceNumber,
                    created,
                    traceNumber,
                    originator,
                    payer,
                    provider,
                    subscriber,
                    dateOfService,
                    serviceTypeCodes);
        }
    }
}
