package org.claimflow.sandbox.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimflow.sandbox.adjudication.Claim;
import org.claimflow.sandbox.adjudication.ServiceLine;

/**
 * Turns one 837P (005010X222A1) transaction set into claims. It assumes the set passed
 * {@link Claim837StructureValidator}; anything else it tolerates by leaving values empty.
 */
public final class Claim837Parser {

    public List<SubmittedClaim> parse(TransactionSet transaction) {
        Walk walk = new Walk();
        transaction.segments().forEach(walk::accept);
        walk.finishClaim();
        return walk.claims;
    }

    private static final class Walk {
        final List<SubmittedClaim> claims = new ArrayList<>();
        String batchReference = "";
        Party submitter = Party.unknown();
        Party billingProvider = Party.unknown();
        String billingTaxId = "";
        String payerId = "";
        String memberId = "";
        Party subscriber = Party.unknown();
        Party patient = Party.unknown();
        String lastEntity = "";

        ClaimDraft claim;
        LineDraft line;

        void accept(Segment s) {
            switch (s.tag()) {
                case "BHT" -> batchReference = s.element(3);
                case "HL" -> hierarchy(s);
                case "NM1" -> entity(s);
                case "REF" -> reference(s);
                case "CLM" -> {
                    finishClaim();
                    claim = new ClaimDraft(s.element(1), X12Values.decimal(s.element(2)).orElse(null),
                            s.component(5, 1), s.component(5, 3));
                }
                case "LX" -> {
                    finishLine();
                    if (claim != null) {
                        line = new LineDraft(claim.lines.size() + 1);
                    }
                }
                case "HI" -> {
                    if (claim != null) {
                        for (int e = 1; e <= s.elements().size(); e++) {
                            if (!s.component(e, 2).isEmpty()) {
                                claim.diagnoses.add(s.component(e, 2));
                            }
                        }
                    }
                }
                case "SV1" -> {
                    if (line != null) {
                        for (int c = 1; c <= 4; c++) {
                            X12Values.integer(s.component(7, c)).ifPresent(line.pointers::add);
                        }
                        line.code = s.component(1, 2);
                        for (int c = 3; c <= 6; c++) {
                            if (!s.component(1, c).isEmpty()) {
                                line.modifiers.add(s.component(1, c));
                            }
                        }
                        line.charge = X12Values.decimal(s.element(2)).orElse(BigDecimal.ZERO);
                        line.units = X12Values.decimal(s.element(4)).orElse(BigDecimal.ONE);
                    }
                }
                case "DTP" -> {
                    if (line != null && s.element(1).equals("472")) {
                        X12Values.period(s.element(2), s.element(3)).ifPresent(p -> {
                            line.from = p[0];
                            line.to = p[1];
                        });
                    }
                }
                default -> {
                    // other segments (PER, SBR, N3, N4, …) do not change what the sandbox adjudicates
                }
            }
        }

        private void hierarchy(Segment s) {
            finishClaim();
            switch (s.element(3)) {
                case "20" -> {
                    billingProvider = Party.unknown();
                    billingTaxId = "";
                }
                case "22" -> {
                    payerId = "";
                    memberId = "";
                    subscriber = Party.unknown();
                    patient = Party.unknown();
                }
                default -> {
                    // 23 (patient): the NM1*QC that follows names the patient
                }
            }
        }

        private void entity(Segment s) {
            lastEntity = s.element(1);
            switch (lastEntity) {
                case "41" -> submitter = Party.of(s);
                case "85" -> billingProvider = Party.of(s);
                case "IL" -> {
                    subscriber = Party.of(s);
                    memberId = s.element(9);
                }
                case "QC" -> patient = Party.of(s);
                case "PR" -> {
                    if (claim == null) {
                        payerId = s.element(9);
                    }
                }
                default -> {
                    // rendering, referring, facility and other-payer names are not needed
                }
            }
        }

        private void reference(Segment s) {
            if (line != null && s.element(1).equals("6R")) {
                line.controlNumber = s.element(2);
            } else if (line == null && claim != null && s.element(1).equals("F8")) {
                claim.original = s.element(2);
            } else if (claim == null && lastEntity.equals("85") && s.element(1).equals("EI")) {
                billingTaxId = s.element(2);
            }
        }

        void finishLine() {
            if (line != null && claim != null && line.code != null && line.from != null) {
                List<String> pointed = line.pointers.stream()
                        .filter(pointer -> pointer >= 1 && pointer <= claim.diagnoses.size())
                        .map(pointer -> claim.diagnoses.get(pointer - 1)).toList();
                claim.lines.add(new ServiceLine(line.number, line.code, line.modifiers, line.charge, line.units,
                        line.from, line.to, line.controlNumber, pointed));
            }
            line = null;
        }

        void finishClaim() {
            finishLine();
            if (claim != null) {
                Claim done = new Claim(claim.patientControlNumber, payerId, memberId, claim.total, claim.placeOfService,
                        claim.frequency, claim.original, claim.lines);
                Party named = patient.name().isEmpty() ? subscriber : patient;
                claims.add(new SubmittedClaim(done, submitter, billingProvider, billingTaxId, named, batchReference));
            }
            claim = null;
        }
    }

    private static final class ClaimDraft {
        final String patientControlNumber;
        final BigDecimal total;
        final String placeOfService;
        final String frequency;
        String original;
        final List<String> diagnoses = new ArrayList<>();
        final List<ServiceLine> lines = new ArrayList<>();

        ClaimDraft(String patientControlNumber, BigDecimal total, String placeOfService, String frequency) {
            this.patientControlNumber = patientControlNumber;
            this.total = total;
            this.placeOfService = placeOfService;
            this.frequency = frequency.isEmpty() ? Claim.ORIGINAL : frequency;
        }
    }

    private static final class LineDraft {
        final int number;
        final List<String> modifiers = new ArrayList<>();
        final List<Integer> pointers = new ArrayList<>();
        String code;
        BigDecimal charge = BigDecimal.ZERO;
        BigDecimal units = BigDecimal.ONE;
        LocalDate from;
        LocalDate to;
        String controlNumber;

        LineDraft(int number) {
            this.number = number;
        }
    }
}
