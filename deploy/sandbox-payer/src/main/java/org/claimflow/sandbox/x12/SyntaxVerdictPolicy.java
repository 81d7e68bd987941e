package org.claimflow.sandbox.x12;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.claimflow.sandbox.x12.SegmentError.ElementError;
import org.claimflow.sandbox.x12.SyntaxVerdict.GroupVerdict;
import org.claimflow.sandbox.x12.SyntaxVerdict.TransactionVerdict;

/**
 * Decides what the 999 says: a transaction set is accepted only when its envelope is intact and it has
 * no structural error; a group with a broken GE, or any group of an interchange with a broken IEA, is
 * rejected as a whole.
 */
public final class SyntaxVerdictPolicy {

    private static final int MAX_SEGMENT_ERRORS = 100;

    private static final Map<EDIStreamValidationError, String> SEGMENT_CODES = Map.of(
            EDIStreamValidationError.UNRECOGNIZED_SEGMENT_ID, "1",
            EDIStreamValidationError.UNEXPECTED_SEGMENT, "2",
            EDIStreamValidationError.MANDATORY_SEGMENT_MISSING, "3",
            EDIStreamValidationError.LOOP_OCCURS_OVER_MAXIMUM_TIMES, "4",
            EDIStreamValidationError.SEGMENT_EXCEEDS_MAXIMUM_USE, "5",
            EDIStreamValidationError.SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET, "6",
            EDIStreamValidationError.SEGMENT_NOT_IN_PROPER_SEQUENCE, "7",
            EDIStreamValidationError.SEGMENT_HAS_DATA_ELEMENT_ERRORS, "8");

    private static final Map<EDIStreamValidationError, String> ELEMENT_CODES = Map.ofEntries(
            Map.entry(EDIStreamValidationError.REQUIRED_DATA_ELEMENT_MISSING, "1"),
            Map.entry(EDIStreamValidationError.CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING, "2"),
            Map.entry(EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS, "3"),
            Map.entry(EDIStreamValidationError.DATA_ELEMENT_TOO_SHORT, "4"),
            Map.entry(EDIStreamValidationError.DATA_ELEMENT_TOO_LONG, "5"),
            Map.entry(EDIStreamValidationError.INVALID_CHARACTER_DATA, "6"),
            Map.entry(EDIStreamValidationError.INVALID_CODE_VALUE, "7"),
            Map.entry(EDIStreamValidationError.INVALID_DATE, "8"),
            Map.entry(EDIStreamValidationError.INVALID_TIME, "9"),
            Map.entry(EDIStreamValidationError.EXCLUSION_CONDITION_VIOLATED, "10"),
            Map.entry(EDIStreamValidationError.TOO_MANY_REPETITIONS, "12"),
            Map.entry(EDIStreamValidationError.TOO_MANY_COMPONENTS, "13"));

    private final String functionalId;
    private final String transactionType;
    private final Set<String> implementationReferences;
    private final Function<TransactionSet, List<SegmentError>> structure;

    /**
     * @param functionalId             GS01 expected (HC for claims, HS for eligibility inquiries)
     * @param transactionType          ST01 expected
     * @param implementationReferences ST03 (or GS08) values accepted
     * @param structure                the transaction-specific structural checks
     */
    public SyntaxVerdictPolicy(String functionalId, String transactionType, Set<String> implementationReferences,
            Function<TransactionSet, List<SegmentError>> structure) {
        this.functionalId = functionalId;
        this.transactionType = transactionType;
        this.implementationReferences = Set.copyOf(implementationReferences);
        this.structure = structure;
    }

    public SyntaxVerdict judge(Interchange interchange) {
        Optional<String> ta1 = interchangeNote(interchange);
        if (interchange.groups().isEmpty() && ta1.isEmpty()) {
            ta1 = Optional.of("024");
        }
        List<GroupVerdict> groups = new ArrayList<>();
        for (FunctionalGroup group : interchange.groups()) {
            groups.add(judge(group, ta1.isPresent()));
        }
        return new SyntaxVerdict(interchange, ta1, groups);
    }

    /** TA105: 001 ISA13/IEA02 mismatch, 021 IEA01 count wrong, 024 invalid interchange content. */
    private static Optional<String> interchangeNote(Interchange interchange) {
        if (interchange.issues().isEmpty()) {
            return Optional.empty();
        }
        SyntaxIssue first = interchange.issues().get(0);
        return Optional.of(switch (first.error()) {
            case CONTROL_REFERENCE_MISMATCH -> "001";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "021";
            default -> "024";
        });
    }

    private GroupVerdict judge(FunctionalGroup group, boolean interchangeRejected) {
        Set<String> codes = new LinkedHashSet<>();
        if (!functionalId.equals(group.functionalId())) {
            codes.add("1");
        }
        for (SyntaxIssue issue : group.issues()) {
            codes.add(switch (issue.error()) {
                case CONTROL_REFERENCE_MISMATCH -> "4";
                case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "5";
                case MANDATORY_SEGMENT_MISSING -> "3";
                default -> "5";
            });
        }
        boolean groupRejected = interchangeRejected || !codes.isEmpty();
        List<TransactionVerdict> transactions = new ArrayList<>();
        for (TransactionSet transaction : group.transactions()) {
            TransactionVerdict verdict = judge(transaction, group);
            transactions.add(groupRejected
                    ? new TransactionVerdict(transaction, verdict.segmentErrors(), verdict.errorCodes(), false)
                    : verdict);
        }
        return new GroupVerdict(group, transactions, List.copyOf(codes), groupRejected);
    }

    private TransactionVerdict judge(TransactionSet transaction, FunctionalGroup group) {
        Set<String> codes = new LinkedHashSet<>();
        List<SegmentError> errors = new ArrayList<>();
        String implementation = transaction.implementationReference().isEmpty()
                ? group.version() : transaction.implementationReference();
        if (!transactionType.equals(transaction.type())) {
            codes.add("1");
        } else if (!implementationReferences.contains(implementation)) {
            codes.add("I6");
        } else {
            for (SyntaxIssue issue : transaction.issues()) {
                envelopeCode(issue).ifPresentOrElse(codes::add, () -> errors.add(toSegmentError(issue)));
            }
            errors.addAll(structure.apply(transaction));
        }
        if (!errors.isEmpty()) {
            codes.add("5");
        }
        List<SegmentError> reported = errors.size() > MAX_SEGMENT_ERRORS ? errors.subList(0, MAX_SEGMENT_ERRORS) : errors;
        return new TransactionVerdict(transaction, reported, List.copyOf(codes), codes.isEmpty());
    }

    private static Optional<String> envelopeCode(SyntaxIssue issue) {
        boolean trailer = "SE".equals(issue.segmentTag());
        if (trailer && issue.error() == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return Optional.of("4");
        }
        if (trailer && issue.error() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return Optional.of("3");
        }
        if (issue.error() == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING && "SE".equals(issue.referenceCode())) {
            return Optional.of("2");
        }
        return Optional.empty();
    }

    private static SegmentError toSegmentError(SyntaxIssue issue) {
        String tag = issue.segmentTag() == null ? "" : issue.segmentTag();
        if (issue.isSegmentLevel()) {
            boolean missing = issue.error() == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING;
            return new SegmentError(missing ? issue.referenceCode() : tag, Math.max(issue.segmentPosition(), 1), "",
                    SEGMENT_CODES.getOrDefault(issue.error(), "8"), List.of());
        }
        String reference = issue.referenceCode() != null && issue.referenceCode().matches("\\d+") ? issue.referenceCode() : "";
        ElementError element = new ElementError(issue.elementPosition(), issue.componentPosition(), reference,
                ELEMENT_CODES.getOrDefault(issue.error(), "7"), "");
        return new SegmentError(tag, Math.max(issue.segmentPosition(), 1), "", "8", List.of(element));
    }
}
