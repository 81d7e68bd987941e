package org.claimflow.eligibility.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Every check of the service shares one writer, one reader and the StAEDI schemas loaded once (X12Schemas): they
 * must give each thread exactly what one thread alone gets, with no state leaking from one interchange to another.
 */
class SharedX12SchemasTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 25;

    private final EligibilityRequestWriter writer = new EligibilityRequestWriter();
    private final EligibilityResponseReader reader = new EligibilityResponseReader();

    @Test
    void loadsEachSchemaOnceAndHandsOutTheSameInstance() {
        X12Schemas.preload();

        assertSame(X12Schemas.inquiry270(), X12Schemas.inquiry270());
        assertSame(X12Schemas.control00501(), X12Schemas.control00501());
    }

    @Test
    void writesAndReadsTheSameX12OnManyThreadsAtOnceAsOnOne() throws Exception {
        // Each thread has its own control number and trace, so a mix-up between threads would show.
        List<String> expected270 = new ArrayList<>();
        List<List<EligibilityResponse>> expectedAnswer = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            expected270.add(writer.write(inquiryOf(t)));
            expectedAnswer.add(reader.read(responseOf(t)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit((Callable<List<Object>>) () -> {
                    start.await();
                    List<Object> seen = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        seen.add(writer.write(inquiryOf(thread)));
                        seen.add(reader.read(responseOf(thread)));
                    }
                    return seen;
                }));
            }
            start.countDown();
            for (int t = 0; t < THREADS; t++) {
                List<Object> seen = results.get(t).get(2, TimeUnit.MINUTES);
                for (int round = 0; round < ROUNDS; round++) {
                    assertEquals(expected270.get(t), seen.get(2 * round), "270 of thread " + t + ", round " + round);
                    assertEquals(expectedAnswer.get(t), seen.get(2 * round + 1), "271 of thread " + t + ", round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static EligibilityInquiry inquiryOf(int thread) {
        return InquiryFixture.adaLovelace().controlNumbers(1000 + thread, 1000 + thread, 1000 + thread)
                .trace("TRACE-" + thread, "9123456789").build();
    }

    private static String responseOf(int thread) {
        return Response271Fixture.response().member("M12345678" + thread, "TRACE-" + thread,
                "DTP*346*D8*20260101",
                "EB*1*IND*30**SANDBOX PPO GOLD",
                "EB*B*IND*30***27*" + (20 + thread) + ".00*****Y").build();
    }
}
