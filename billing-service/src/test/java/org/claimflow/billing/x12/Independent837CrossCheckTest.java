package org.claimflow.billing.x12;

import static org.claimflow.billing.x12.ClaimFixtures.batch;
import static org.claimflow.billing.x12.ClaimFixtures.officeVisit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the 837P our writer produces with a parser that shares no code with us: npm node-x12 1.7.1 in strict
 * mode (src/test/node/check-837.mjs). The test installs it with {@code npm ci} when node_modules is missing,
 * and is skipped, saying so, only when {@code node} is not on the PATH.
 */
class Independent837CrossCheckTest {

    private static final Path NODE_DIR = Path.of("src", "test", "node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installNodeX12() throws Exception {
        assumeTrue(onPath("node"), "node is not on the PATH: the independent node-x12 cross-check of the 837P is skipped");
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules").resolve("node-x12"))) {
            Result npm = run(List.of(onWindows() ? "npm.cmd" : "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund",
                    "--prefix", NODE_DIR.toString()), 300);
            assertEquals(0, npm.exitCode(), "npm ci in src/test/node failed: " + npm.output());
        }
    }

    @Test
    void nodeX12ReadsOurOfficeVisitWithTheSameControlNumbersAndSegmentCount(@TempDir Path dir) throws Exception {
        ClaimFile file = new ProfessionalClaimWriter().write(batch(officeVisit()));
        Path x12 = dir.resolve("837P.x12");
        Files.writeString(x12, file.content(), StandardCharsets.US_ASCII);

        Result check = run(List.of("node", NODE_DIR.resolve("check-837.mjs").toString(), x12.toString()), 60);
        assertEquals(0, check.exitCode(), "node-x12 refused our 837P: " + check.output());
        JsonNode read = JSON.readTree(check.output());

        List<String> segments = Arrays.stream(file.content().split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String[] isa = segment(segments, "ISA");
        String[] gs = segment(segments, "GS");
        String[] st = segment(segments, "ST");
        String[] se = segment(segments, "SE");
        // node-x12 reads ISA13/IEA02 as numbers ("000000042" -> "42"): compared as numbers.
        assertEquals(Long.parseLong(isa[13]), read.get("isa13").asLong(), "ISA13");
        assertEquals(read.get("isa13").asLong(), read.get("iea02").asLong(), "IEA02 = ISA13");
        assertEquals(Long.parseLong(gs[6]), read.get("gs06").asLong(), "GS06");
        assertEquals(read.get("gs06").asLong(), read.get("ge02").asLong(), "GE02 = GS06");
        assertEquals(st[2], read.get("st02").asText(), "ST02");
        assertEquals(st[2], read.get("se02").asText(), "SE02 = ST02");

        int stToSe = segments.indexOf(String.join("*", se)) - segments.indexOf(String.join("*", st)) + 1;
        assertEquals(stToSe, read.get("segmentCount").asInt(), "node-x12 counts the segments we wrote from ST to SE");
        assertEquals(read.get("segmentCount").asInt(), read.get("se01").asInt(), "SE01 is the real segment count");
        assertEquals(Integer.parseInt(se[1]), read.get("se01").asInt());
    }

    @Test
    void nodeX12RefusesAFileWhoseSe01IsWrong(@TempDir Path dir) throws Exception {
        String content = new ProfessionalClaimWriter().write(batch(officeVisit())).content();
        String[] se = segment(Arrays.stream(content.split("~")).toList(), "SE");
        String broken = content.replace("SE*" + se[1] + "*", "SE*" + (Integer.parseInt(se[1]) + 1) + "*");
        assertNotEquals(content, broken);
        Path x12 = dir.resolve("broken.x12");
        Files.writeString(x12, broken, StandardCharsets.US_ASCII);

        Result check = run(List.of("node", NODE_DIR.resolve("check-837.mjs").toString(), x12.toString()), 60);
        assertEquals(1, check.exitCode(), "strict mode must catch a wrong SE01, else the cross-check proves nothing: " + check.output());
    }

    private static String[] segment(List<String> segments, String tag) {
        return segments.stream().map(String::strip).filter(s -> s.startsWith(tag + "*")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + tag + " segment")).split("\\*", -1);
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

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)) || Files.isExecutable(Path.of(d, program + ".exe")));
    }

    private static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
