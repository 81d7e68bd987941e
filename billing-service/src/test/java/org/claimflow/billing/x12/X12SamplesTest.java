package org.claimflow.billing.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shared sample file goes through its reader: it is read (with the warnings its known envelope
 * defects deserve) or refused with an {@link X12ParseException} whose message says why; no other outcome.
 */
class X12SamplesTest {

    /** Sample → expected result: "read" or the start of the X12ParseException's message. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("835/oopfactory_ExampleFromNth.x12", "read"),
            Map.entry("837p/imsweb_x12_many_claims.x12", "read"),
            Map.entry("837p/imsweb_x12_multiple_transactions.x12", "read"),
            Map.entry("837p/imsweb_x12_valid.x12", "read"),
            Map.entry("837p/oopfactory_Example1_2_And_3_Combined.x12", "read"),
            Map.entry("837p/oopfactory_Example1_HealthInsurance.x12", "read"),
            Map.entry("837p/oopfactory_Example2_Encounter.x12", "read"),
            Map.entry("837p/oopfactory_MedicaidExample.x12", "read"),
            Map.entry("837p/oopfactory_ST1309-XX.x12", "read"),
            Map.entry("837p/staedi_sample837-original.x12", "read"),
            Map.entry("277/imsweb_x12_277_x212.x12", "read"),
            Map.entry("277/oopfactory_277_Deidentified_from_nth.x12", "read"),
            Map.entry("277/oopfactory_FromAlexbrodsky.x12", "read"),
            Map.entry("277/oopfactory_FromBogeyone.x12", "input is truncated: it ends after HL (segment 10)"),
            Map.entry("277/oopfactory_FromLatitude81uk.x12", "damaged ISA segment (segment 1): ISA12"),
            Map.entry("277ca/imsweb_x12_277CA_accepted.x12", "read"),
            Map.entry("999/imsweb_x12_999_accepted.x12", "read"),
            Map.entry("999/oopfactory_DHS_Wisconsin_Sample.x12", "read"),
            Map.entry("999/staedi_simple999.x12", "read"));

    static byte[] sample(String path) throws IOException {
        try (InputStream in = X12SamplesTest.class.getResourceAsStream("/x12/samples/" + path)) {
            return in.readAllBytes();
        }
    }

    /** Reads a sample with the reader of its transaction type and returns the number of documents. */
    static int readWithItsReader(String path, byte[] bytes) throws X12ParseException {
        String folder = path.substring(0, path.indexOf('/'));
        return switch (folder) {
            case "835" -> RemittanceReader.read(bytes).documents().size();
            case "277", "277ca" -> AcknowledgmentReader.read277CA(bytes).documents().size();
            case "999" -> AcknowledgmentReader.read999(bytes).documents().size();
            case "837p" -> X12SegmentReader.read(bytes).transactions("837").size();
            default -> throw new IllegalArgumentException(folder);
        };
    }

    @Test
    void everySampleFileHasAnExpectedOutcome() throws IOException, URISyntaxException {
        Path root = Path.of(X12SamplesTest.class.getResource("/x12/samples").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            List<String> samples = files.filter(p -> p.toString().endsWith(".x12"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
            assertEquals(new TreeSet<>(EXPECTED.keySet()), new TreeSet<>(samples));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "835/oopfactory_ExampleFromNth.x12",
            "837p/imsweb_x12_many_claims.x12", "837p/imsweb_x12_multiple_transactions.x12", "837p/imsweb_x12_valid.x12",
            "837p/oopfactory_Example1_2_And_3_Combined.x12", "837p/oopfactory_Example1_HealthInsurance.x12",
            "837p/oopfactory_Example2_Encounter.x12", "837p/oopfactory_MedicaidExample.x12", "837p/oopfactory_ST1309-XX.x12",
            "837p/staedi_sample837-original.x12",
            "277/imsweb_x12_277_x212.x12", "277/oopfactory_277_Deidentified_from_nth.x12", "277/oopfactory_FromAlexbrodsky.x12",
            "277/oopfactory_FromBogeyone.x12", "277/oopfactory_FromLatitude81uk.x12",
            "277ca/imsweb_x12_277CA_accepted.x12",
            "999/imsweb_x12_999_accepted.x12", "999/oopfactory_DHS_Wisconsin_Sample.x12", "999/staedi_simple999.x12"})
    void sampleIsReadOrRefusedWithAClearMessage(String path) throws Exception {
        byte[] bytes = sample(path);
        String expected = EXPECTED.get(path);

        if (expected.equals("read")) {
            assertTrue(readWithItsReader(path, bytes) > 0, "at least one document read");
        } else {
            X12ParseException e = assertThrows(X12ParseException.class, () -> readWithItsReader(path, bytes));
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}: {1} claims in {2} transactions")
    @CsvSource({
            "imsweb_x12_many_claims.x12, 820, 1",
            "imsweb_x12_multiple_transactions.x12, 624, 312",
            "imsweb_x12_valid.x12, 2, 1",
            "oopfactory_Example1_2_And_3_Combined.x12, 3, 2",
            "oopfactory_Example1_HealthInsurance.x12, 1, 1",
            "oopfactory_Example2_Encounter.x12, 1, 1",
            "oopfactory_MedicaidExample.x12, 5, 1",
            "oopfactory_ST1309-XX.x12, 1, 1",
            "staedi_sample837-original.x12, 1, 1"})
    void professionalClaimSampleReadsStructurallyWithEveryClaim(String file, long claims, int transactions) throws Exception {
        X12Document document = X12SegmentReader.read(sample("837p/" + file));

        assertEquals(claims, document.count("CLM"));
        assertEquals(transactions, document.transactions("837").size());
    }

    @Test
    void wrongSegmentCountsBecomeOneWarningPerTransaction() throws Exception {
        X12Document document = X12SegmentReader.read(sample("837p/imsweb_x12_multiple_transactions.x12"));

        assertEquals(312, document.warnings().size());
        assertEquals("transaction 837 987654 (ST at segment 3): SE01 says 25 segments but the transaction has 34",
                document.warnings().get(0));
    }

    @Test
    void missingFinalSegmentTerminatorIsAssumedWithAWarning() throws Exception {
        X12Document document = X12SegmentReader.read(sample("837p/oopfactory_ST1309-XX.x12"));

        assertEquals(List.of("the last segment has no segment terminator; one was assumed"), document.warnings());
        assertEquals(52, document.transactions().get(0).segments().size() + 2, "SE01 of the file is right");
    }

    @Test
    void byteOrderMarkAndIndentationAreAccepted() throws Exception {
        byte[] bytes = sample("835/oopfactory_ExampleFromNth.x12");
        X12Document document = X12SegmentReader.read(bytes);

        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals(3, document.interchangeCount());
        assertEquals(List.of(), document.warnings());
        assertEquals("BPR", document.transactions().get(0).segments().get(0).tag());
    }

    @Test
    void parseMessagesNeverQuotePatientData() throws Exception {
        byte[] truncated = new String(sample("835/oopfactory_ExampleFromNth.x12"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("NM1*QC*1*DAK*XXXXXXX****MR*99999999999~", "NM1*QC*1*DAK*XXXXXXX****MR*99999999999~SVC*HC>1*X*0~")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        X12ParseException e = assertThrows(X12ParseException.class, () -> RemittanceReader.read(truncated));

        assertFalse(e.getMessage().contains("DAK"), e.getMessage());
        assertEquals("SVC (segment 20) element 02 is not a decimal number", e.getMessage());
    }
}
