package org.claimflow.coding.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.claimflow.coding.support.CodeSetsReady;
import org.claimflow.coding.support.EncounterFixture;
import org.claimflow.localstack.ClaimflowTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The edit engine checked against rows drawn at random from the shipped CMS tables, not against the rows the
 * policy tests were written with. The tables are read here with a parser of this test's own (tab-separated text,
 * the header skipped), every sampled row is turned into a small encounter, and the dry run
 * ({@code POST /api/v1/coding/edits}, the full path: JSON, validation, the code sets as loaded into PostgreSQL)
 * must find exactly what the row says. The seed is fixed so a failure can be replayed; another seed checks
 * other rows: {@code mvn verify -pl coding-service -Dtest=EditsAgainstSampledCmsRowsTest -Dclaimflow.sample.seed=7}.
 */
@QuarkusTest
@QuarkusTestResource(value = ClaimflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "coding"))
class EditsAgainstSampledCmsRowsTest {

    private static final long SEED = Long.getLong("claimflow.sample.seed", 20_240_815L);
    private static final int SAMPLES = 25;
    /** Inside every shipped version (ICD-10-CM FY2024, MCE v41.1, HCPCS and NCCI 2024Q3). */
    private static final LocalDate DOS = LocalDate.of(2024, 8, 15);
    private static final Path TABLES = Path.of("src/main/resources/codesets");

    @BeforeEach
    void codeSetsLoaded() {
        CodeSetsReady.await();
    }

    @Test
    void ncciPtpEditsHoldTheColumnTwoLineUnlessAnAllowedModifierBypassesThemOrTheyWereDeleted() throws IOException {
        // The same pair may also stand the other way round, or twice: those samples would not say one thing.
        Reservoir<String[]> indicatorZero = new Reservoir<>(SAMPLES, "indicatorZero");
        Reservoir<String[]> indicatorOne = new Reservoir<>(SAMPLES, "indicatorOne");
        Reservoir<String[]> deleted = new Reservoir<>(SAMPLES, "deleted");
        forEachRow("ncci_ptp_practitioner_2024Q3.tsv.gz", r -> {
            if (r[0].equals(r[1])) {
                return;
            }
            boolean active = r[2].isEmpty() || !LocalDate.parse(r[2]).isBefore(DOS);
            if (active && r[3].equals("0")) {
                indicatorZero.offer(r);
            } else if (active && r[3].equals("1")) {
                indicatorOne.offer(r);
            } else if (!active) {
                deleted.offer(r);
            }
        });
        Set<String> sampledPairs = new HashSet<>();
        for (List<String[]> rows : List.of(indicatorZero.items, indicatorOne.items, deleted.items)) {
            rows.forEach(r -> sampledPairs.add(r[0] + "|" + r[1]));
        }
        Map<String, Integer> rowsPerPair = new HashMap<>();
        forEachRow("ncci_ptp_practitioner_2024Q3.tsv.gz", r -> {
            for (String pair : List.of(r[0] + "|" + r[1], r[1] + "|" + r[0])) {
                if (sampledPairs.contains(pair)) {
                    rowsPerPair.merge(pair, 1, Integer::sum);
                }
            }
        });
        Predicate<String[]> unambiguous = r -> rowsPerPair.get(r[0] + "|" + r[1]) == 1;

        int checked = 0;
        for (String[] edit : indicatorZero.items.stream().filter(unambiguous).toList()) {
            JsonPath withModifier = dryRun(twoLines(edit[0], edit[1], List.of("59")));
            assertHeldColumnTwo(withModifier, edit, "indicator 0 is never bypassed");
            checked++;
        }
        for (String[] edit : indicatorOne.items.stream().filter(unambiguous).toList()) {
            assertHeldColumnTwo(dryRun(twoLines(edit[0], edit[1], List.of())), edit, "indicator 1 without a modifier");
            JsonPath bypassed = dryRun(twoLines(edit[0], edit[1], List.of("59")));
            assertEquals(List.of(), ptpFindings(bypassed), describe(edit) + ": modifier 59 bypasses an indicator-1 edit");
            checked++;
        }
        for (String[] edit : deleted.items.stream().filter(unambiguous).toList()) {
            assertEquals(List.of(), ptpFindings(dryRun(twoLines(edit[0], edit[1], List.of()))),
                    describe(edit) + ": an edit deleted before the date of service no longer applies");
            checked++;
        }
        assertTrue(checked >= SAMPLES * 2, "enough unambiguous pairs were drawn (" + checked + ")");
    }

    @Test
    void mueHoldsUnitsAboveTheValueAndPassesUnitsAtIt() throws IOException {
        Reservoir<String[]> mues = new Reservoir<>(SAMPLES * 2, "mues");
        forEachRow("ncci_mue_practitioner_2024Q3.tsv", r -> {
            if (Integer.parseInt(r[1]) >= 1 && Integer.parseInt(r[1]) < 9_999) {
                mues.offer(r);
            }
        });
        for (String[] mue : mues.items) {
            int limit = Integer.parseInt(mue[1]);
            assertEquals(List.of(), findings(dryRun(oneLine(mue[0], limit)), "NCCI_MUE"),
                    mue[0] + " at its MUE of " + limit + " passes");
            List<Map<String, Object>> over = findings(dryRun(oneLine(mue[0], limit + 1)), "NCCI_MUE");
            assertEquals(1, over.size(), mue[0] + " at " + (limit + 1) + " units is above its MUE of " + limit);
            assertTrue(((String) over.get(0).get("message")).contains("MAI " + mue[2]), "names MAI " + mue[2] + ": " + over);
        }
    }

    @Test
    void icd10HoldsCategoryHeadersAndPassesBillableCodes() throws IOException {
        Reservoir<String> headers = new Reservoir<>(SAMPLES, "headers");
        Reservoir<String> billable = new Reservoir<>(SAMPLES, "billable");
        forEachRow("icd10cm_order_fy2024.tsv.gz", r -> (r[1].equals("1") ? billable : headers).offer(r[0]));
        for (String code : headers.items) {
            List<Map<String, Object>> held = findings(dryRun(diagnosis(dotted(code), "F", "1980-02-14")), "ICD10_NOT_BILLABLE");
            assertEquals(1, held.size(), dotted(code) + " is a category header in FY2024");
        }
        for (String code : billable.items) {
            JsonPath result = dryRun(diagnosis(dotted(code), "F", "1980-02-14"));
            assertEquals(List.of(), findings(result, "ICD10_NOT_BILLABLE"), dotted(code) + " is billable");
            assertEquals(List.of(), findings(result, "ICD10_UNKNOWN"), dotted(code) + " exists in FY2024");
        }
    }

    @Test
    void mceSexEditsHoldTheOtherSexOnly() throws IOException {
        Reservoir<String[]> sexEdits = new Reservoir<>(SAMPLES, "sexEdits");
        forEachRow("icd10cm_medicare_code_edits_v41.1.tsv", r -> {
            if (r[2].equals("Sex")) {
                sexEdits.offer(r);
            }
        });
        for (String[] edit : sexEdits.items) {
            boolean femaleOnly = edit[3].startsWith("Female");
            String other = femaleOnly ? "M" : "F";
            String same = femaleOnly ? "F" : "M";
            assertEquals(1, findings(dryRun(diagnosis(edit[0], other, "1980-02-14")), "MCE_SEX").size(),
                    edit[0] + " (" + edit[3] + ") for sex " + other);
            assertEquals(List.of(), findings(dryRun(diagnosis(edit[0], same, "1980-02-14")), "MCE_SEX"),
                    edit[0] + " (" + edit[3] + ") for sex " + same);
        }
    }

    @Test
    void mceAgeEditsUseTheAgeOnTheDateOfService() throws IOException {
        Map<String, List<String>> ageRulesPerCode = new HashMap<>();
        forEachRow("icd10cm_medicare_code_edits_v41.1.tsv", r -> {
            if (r[2].equals("Age")) {
                ageRulesPerCode.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[3]);
            }
        });
        Reservoir<String> pediatric = new Reservoir<>(SAMPLES, "pediatric");
        Reservoir<String> adult = new Reservoir<>(SAMPLES, "adult");
        ageRulesPerCode.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (e.getValue().equals(List.of("Pediatric (Ages 0-17)"))) {
                pediatric.offer(e.getKey());
            } else if (e.getValue().equals(List.of("Adult (Ages 15-124)"))) {
                adult.offer(e.getKey());
            }
        });
        String tenOnTheDay = DOS.minusYears(10).toString();
        String eighteenOnTheDay = DOS.minusYears(18).toString();
        String seventeenOnTheDay = DOS.minusYears(18).plusDays(1).toString();
        for (String code : pediatric.items) {
            assertEquals(List.of(), findings(dryRun(diagnosis(code, "F", tenOnTheDay)), "MCE_AGE"), code + " at 10");
            assertEquals(List.of(), findings(dryRun(diagnosis(code, "F", seventeenOnTheDay)), "MCE_AGE"), code + " at 17 (18 the next day)");
            assertEquals(1, findings(dryRun(diagnosis(code, "F", eighteenOnTheDay)), "MCE_AGE").size(), code + " at 18");
        }
        for (String code : adult.items) {
            assertEquals(1, findings(dryRun(diagnosis(code, "M", tenOnTheDay)), "MCE_AGE").size(), code + " at 10");
            assertEquals(List.of(), findings(dryRun(diagnosis(code, "M", eighteenOnTheDay)), "MCE_AGE"), code + " at 18");
        }
    }

    @Test
    void hcpcsLevelTwoHoldsCodesTerminatedBeforeTheDateOfServiceAndPassesActiveOnes() throws IOException {
        Reservoir<String> terminated = new Reservoir<>(SAMPLES, "terminated");
        Reservoir<String> active = new Reservoir<>(SAMPLES, "active");
        forEachRow("hcpcs_level2_2024Q3.tsv", r -> {
            String term = r[16];
            LocalDate added = r[17].isEmpty() ? null : LocalDate.parse(r[17]);
            if (!term.isEmpty() && LocalDate.parse(term).isBefore(DOS)) {
                terminated.offer(r[0]);
            } else if (term.isEmpty() && added != null && !added.isAfter(DOS)) {
                active.offer(r[0]);
            }
        });
        for (String code : terminated.items) {
            assertEquals(1, findings(dryRun(oneLine(code, 1)), "HCPCS_TERMINATED").size(), code + " was terminated before " + DOS);
        }
        for (String code : active.items) {
            JsonPath result = dryRun(oneLine(code, 1));
            assertEquals(List.of(), findings(result, "HCPCS_TERMINATED"), code + " is active");
            assertEquals(List.of(), findings(result, "HCPCS_UNKNOWN"), code + " exists");
        }
    }

    // --- encounters -------------------------------------------------------------------------------------------

    private static EncounterFixture visit() {
        return EncounterFixture.officeVisit().with("dateOfService", DOS.toString()).with("diagnoses", List.of("I10"));
    }

    private static EncounterFixture twoLines(String column1, String column2, List<String> column2Modifiers) {
        return visit().with("serviceLines", List.of(
                EncounterFixture.line(column1, List.of(), 1, List.of(1), "100.00"),
                EncounterFixture.line(column2, column2Modifiers, 1, List.of(1), "50.00")));
    }

    private static EncounterFixture oneLine(String code, int units) {
        return visit().with("serviceLines", List.of(EncounterFixture.line(code, List.of(), units, List.of(1), "10.00")));
    }

    private static EncounterFixture diagnosis(String code, String sex, String dateOfBirth) {
        return visit().with("diagnoses", List.of(code))
                .withNested("patient", "sex", sex)
                .withNested("patient", "dateOfBirth", dateOfBirth);
    }

    private static String dotted(String code) {
        return code.length() > 3 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    private static JsonPath dryRun(EncounterFixture fixture) {
        return given().contentType(ContentType.JSON).body(fixture.build()).post("/api/v1/coding/edits")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> findings(JsonPath result, String ruleId) {
        List<Map<String, Object>> all = result.getList("findings");
        return all.stream().filter(f -> ruleId.equals(f.get("ruleId"))).toList();
    }

    private static List<Map<String, Object>> ptpFindings(JsonPath result) {
        return findings(result, "NCCI_PTP");
    }

    @SuppressWarnings("unchecked")
    private static void assertHeldColumnTwo(JsonPath result, String[] edit, String why) {
        List<Map<String, Object>> held = ptpFindings(result);
        assertEquals(1, held.size(), describe(edit) + ": " + why);
        assertEquals("ERROR", held.get(0).get("severity"));
        // Column 1 on line 1, column 2 on line 2: the finding names them in the edit's order.
        assertEquals(List.of(edit[0], edit[1]), held.get(0).get("codes"), describe(edit));
        assertEquals(List.of(1, 2), held.get(0).get("lineNumbers"), describe(edit));
        assertEquals(edit[3], held.get(0).get("modifierIndicator"), describe(edit));
        assertTrue(((List<Object>) result.getList("findings.ruleId")).contains("NCCI_PTP"));
    }

    private static String describe(String[] edit) {
        return "PTP " + edit[0] + "/" + edit[1] + " (deleted " + (edit[2].isEmpty() ? "never" : edit[2])
                + ", indicator " + edit[3] + ", seed " + SEED + ")";
    }

    // --- the tables, read independently of the service's loader ------------------------------------------------

    private static void forEachRow(String file, Consumer<String[]> row) throws IOException {
        Path path = TABLES.resolve(file);
        try (InputStream raw = Files.newInputStream(path);
             InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            lines.readLine(); // header
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    row.accept(normalise(line.split("\t", -1)));
                }
            }
        }
    }

    /** 9999-12-31 is the tables' "never deleted". */
    private static String[] normalise(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
            if (fields[i].equals("9999-12-31")) {
                fields[i] = "";
            }
        }
        return fields;
    }

    /** Algorithm R: a uniform sample of fixed size from a stream read once, drawn with the test's seed. */
    private static final class Reservoir<T> {
        private final int size;
        private final Random random;
        private final List<T> items = new ArrayList<>();
        private long seen;

        /** Each reservoir draws from its own generator, so one sample does not depend on the tests run before it. */
        Reservoir(int size, String name) {
            this.size = size;
            this.random = new Random(SEED ^ name.hashCode());
        }

        void offer(T item) {
            seen++;
            if (items.size() < size) {
                items.add(item);
            } else {
                long slot = (long) (random.nextDouble() * seen);
                if (slot < size) {
                    items.set((int) slot, item);
                }
            }
        }
    }
}
