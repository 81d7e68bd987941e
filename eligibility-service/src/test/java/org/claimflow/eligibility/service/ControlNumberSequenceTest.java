package org.claimflow.eligibility.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.claimflow.localstack.ClaimflowTestResource;
import org.claimflow.localstack.SandboxPayerTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "eligibility"))
@QuarkusTestResource(SandboxPayerTestResource.class)
class ControlNumberSequenceTest {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 45;

    @Inject
    ControlNumberSequence sequence;

    @Inject
    EntityManager em;

    @Test
    void givesEveryCheckItsOwnNumberAcrossThreadsAndReplicas() throws Exception {
        // A second instance stands for another replica (or this one after a restart) drawing on the same sequence.
        ControlNumberSequence otherReplica = new ControlNumberSequence(em);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> drawn = new ArrayList<>();
            for (int t = 0; t < 2 * THREADS; t++) {
                ControlNumberSequence replica = t % 2 == 0 ? sequence : otherReplica;
                drawn.add(pool.submit((Callable<List<Integer>>) () -> {
                    start.await();
                    List<Integer> numbers = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        numbers.add(replica.next());
                    }
                    return numbers;
                }));
            }
            start.countDown();
            Set<Integer> unique = new HashSet<>();
            for (Future<List<Integer>> numbers : drawn) {
                for (int number : numbers.get(2, TimeUnit.MINUTES)) {
                    assertTrue(number >= 1 && number <= ControlNumberSequence.MAX_CONTROL_NUMBER, "out of range: " + number);
                    assertTrue(unique.add(number), "given twice: " + number);
                }
            }
            assertEquals(2 * THREADS * PER_THREAD, unique.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void asksTheDatabaseOnceForEachBlockOfNumbers() {
        ControlNumberSequence replica = new ControlNumberSequence(em);
        int blockSize = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select seqincrement from pg_sequence where seqrelid = 'x12_control_number'::regclass").getSingleResult())
                .intValue());
        assertTrue(blockSize > 1, "the V3 migration makes the sequence step in blocks");

        int first = replica.next();
        long afterFirst = lastValue();
        for (int i = 1; i < blockSize; i++) {
            assertEquals(first + i, replica.next());
        }
        assertEquals(afterFirst, lastValue(), "a whole block is served without the database");
        replica.next();
        assertEquals(afterFirst + blockSize, lastValue(), "the next block is the sequence's next value");
    }

    private long lastValue() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select last_value from x12_control_number").getSingleResult()).longValue());
    }
}
