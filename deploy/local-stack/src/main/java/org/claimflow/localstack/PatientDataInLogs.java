package org.claimflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue #8's "no PHI in logs", checked where it matters: the services' own log files after real traffic (the demo
 * patients' last names, dates of birth, member ids and street addresses must not appear in them). A finding names
 * the file, the line number and what kind of identifier it was, never the identifier itself.
 */
public final class PatientDataInLogs {

    private static final int MAX_FINDINGS = 20;

    private PatientDataInLogs() {
    }

    /** The demo patients' identifiers, by what kind of identifier each is. */
    static Map<String, String> identifiers() {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (DemoRunner.Scenario s : DemoRunner.scenarios()) {
            JsonNode e = s.encounter();
            put(kinds, e.at("/patient/lastName").asText(), "patient last name");
            put(kinds, e.at("/patient/dateOfBirth").asText(), "patient date of birth");
            put(kinds, e.at("/patient/address/line1").asText(), "patient street address");
            put(kinds, e.at("/coverage/memberId").asText(), "member id");
        }
        return kinds;
    }

    private static void put(Map<String, String> kinds, String value, String kind) {
        if (value != null && value.length() >= 4) {
            kinds.put(value, kind);
        }
    }

    /** Findings in {@code <service>.log} (and rotated copies) of each service under {@code logs}; empty when clean. */
    public static List<String> find(Path logs, List<String> services) {
        return find(logs, services, identifiers());
    }

    /**
     * The same for other identifiers ({@code kinds}: each identifier and what kind it is), e.g. a test's canary
     * patient.
     */
    public static List<String> find(Path logs, List<String> services, Map<String, String> kinds) {
        Pattern any = Pattern.compile(kinds.keySet().stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b)
                .map(alternatives -> "(?<![\\w-])(" + alternatives + ")(?![\\w-])").orElseThrow());
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (services.stream().noneMatch(name::startsWith) || !name.contains(".log")) {
                    continue;
                }
                int lineNumber = 0;
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    lineNumber++;
                    Matcher m = any.matcher(line);
                    if (m.find() && findings.size() < MAX_FINDINGS) {
                        findings.add(String.format("patient data in a log: %s line %d holds a %s", name, lineNumber, kinds.get(m.group(1))));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }
}
