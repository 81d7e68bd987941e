package org.claimflow.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.claimflow.localstack.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads an 837P with npm node-x12 in strict mode (billing-service/src/test/node/check-837.mjs), a parser that
 * shares no code with our StAEDI writer, and checks that it finds the same control numbers and that SE01 is the
 * real segment count.
 */
final class IndependentX12Check {

    private static final Path NODE_DIR = ServiceProcess.projectRoot().resolve("billing-service/src/test/node");

    private IndependentX12Check() {
    }

    static boolean nodeAvailable() {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "node")));
    }

    /** npm ci in the checker's folder unless node-x12 is already there (billing-service's tests install it). */
    static void install() throws IOException, InterruptedException {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/node-x12"))) {
            Result npm = run(List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund", "--prefix", NODE_DIR.toString()), 300);
            assertEquals(0, npm.exitCode(), "npm ci failed: " + npm.output());
        }
    }

    /** Fails unless node-x12 reads {@code x12} with the control numbers and segment count written in it. */
    static void assertReads(String x12, String what) throws IOException, InterruptedException {
        Path file = Files.createTempFile("claimflow-837-", ".x12");
        try {
            Files.writeString(file, x12, StandardCharsets.US_ASCII);
            Result check = run(List.of("node", NODE_DIR.resolve("check-837.mjs").toString(), file.toString()), 60);
            assertEquals(0, check.exitCode(), what + ": node-x12 refused the 837P: " + check.output());
            JsonNode read = SystemUnderTest.json(check.output());
            List<String> segments = Arrays.stream(x12.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            String[] isa = element(segments, "ISA");
            String[] gs = element(segments, "GS");
            String[] st = element(segments, "ST");
            String[] se = element(segments, "SE");
            assertEquals(Long.parseLong(isa[13].strip()), read.get("isa13").asLong(), what + ": ISA13");
            assertEquals(Long.parseLong(gs[6]), read.get("gs06").asLong(), what + ": GS06");
            assertEquals(st[2], read.get("st02").asText(), what + ": ST02");
            int stToSe = indexOf(segments, "SE") - indexOf(segments, "ST") + 1;
            assertEquals(stToSe, read.get("segmentCount").asInt(), what + ": segments from ST to SE");
            assertEquals(Integer.parseInt(se[1]), read.get("se01").asInt(), what + ": SE01");
            assertEquals(stToSe, Integer.parseInt(se[1]), what + ": SE01 is the real segment count");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int indexOf(List<String> segments, String tag) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith(tag + "*")) {
                return i;
            }
        }
        throw new AssertionError("no " + tag + " segment");
    }

    private static String[] element(List<String> segments, String tag) {
        return segments.get(indexOf(segments, tag)).split("\\*", -1);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
    }
}
