package org.claimflow.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The arithmetic and the /proc reading behind the benchmark's figures. */
class BenchmarkMeasuresTest {

    @Test
    void percentilesAreNearestRank() {
        List<Long> hundred = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            hundred.add(i);
        }
        assertEquals(50, Benchmark.percentile(hundred, 50));
        assertEquals(95, Benchmark.percentile(hundred, 95));
        assertEquals(99, Benchmark.percentile(hundred, 99));
        assertEquals(100, Benchmark.percentile(hundred, 100));
        // Few samples: p99 of three values is the largest, never an interpolated value that was not measured.
        assertEquals(30, Benchmark.percentile(List.of(10L, 20L, 30L), 99));
        assertEquals(20, Benchmark.percentile(List.of(10L, 20L, 30L), 50));
        assertEquals(7, Benchmark.percentile(List.of(7L), 99));
    }

    @Test
    void cpuAndMemoryOfALiveProcessAreReadFromProc() {
        long pid = ProcessHandle.current().pid();
        Benchmark.ProcStat before = Benchmark.ProcStat.of(pid, false);
        long spin = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < spin) {
            x += System.nanoTime() % 7;
        }
        Benchmark.ProcStat after = Benchmark.ProcStat.of(pid, false);
        assertTrue(x > 0);
        assertTrue(after.cpuMillis() - before.cpuMillis() >= 100, "300 ms of spinning shows as CPU: " + before + " -> " + after);
        assertTrue(after.rssKiB() > 10_000, "a JVM's resident set is megabytes: " + after);
        assertEquals(new Benchmark.ProcStat(0, 0), Benchmark.ProcStat.of(Long.MAX_VALUE / 2, true), "a process that is gone reads as nothing");
    }
}
