package org.claimflow.denial.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenialPriorityPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

    private record Queued(String name, BigDecimal amount, LocalDate deadline) {
        BigDecimal priority() {
            return DenialPriorityPolicy.priority(amount, deadline, TODAY);
        }
    }

    @ParameterizedTest(name = "{0} days left: urgency {1}")
    @CsvSource({
            "150, 1.200000",
            "30, 2.000000",
            "10, 4.000000",
            "1, 31.000000",
            // the last day and past the deadline keep the top urgency
            "0, 31.000000",
            "-20, 31.000000",
    })
    void raisesUrgencyAsTheDeadlineComesCloser(int daysLeft, String urgency) {
        assertEquals(new BigDecimal(urgency), DenialPriorityPolicy.urgency(TODAY.plusDays(daysLeft), TODAY));
    }

    @Test
    void multipliesTheAmountAtStakeByTheUrgency() {
        assertEquals(new BigDecimal("500.00"), DenialPriorityPolicy.priority(new BigDecimal("250.00"), TODAY.plusDays(30), TODAY));
    }

    @Test
    void ordersTheQueueByMoneyAndDeadlineTogether() {
        List<Queued> queue = List.of(
                new Queued("large, months away", new BigDecimal("500.00"), TODAY.plusDays(170)),
                new Queued("small, due in three days", new BigDecimal("100.00"), TODAY.plusDays(3)),
                new Queued("medium, months away", new BigDecimal("250.00"), TODAY.plusDays(170)),
                new Queued("small, months away", new BigDecimal("100.00"), TODAY.plusDays(170)));

        List<String> worked = queue.stream().sorted(Comparator.comparing(Queued::priority).reversed()).map(Queued::name).toList();

        assertEquals(List.of("small, due in three days", "large, months away", "medium, months away", "small, months away"), worked);
    }

    @Test
    void ranksTheSameAmountDueSoonerFirst() {
        BigDecimal amount = new BigDecimal("120.00");
        BigDecimal soon = DenialPriorityPolicy.priority(amount, TODAY.plusDays(14), TODAY);
        BigDecimal later = DenialPriorityPolicy.priority(amount, TODAY.plusDays(90), TODAY);
        assertEquals(1, soon.compareTo(later));
    }
}
