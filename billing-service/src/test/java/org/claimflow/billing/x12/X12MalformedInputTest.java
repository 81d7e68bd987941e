package org.claimflow.billing.x12;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style robustness: damaged versions of real files (cut at many points, bytes overwritten with
 * delimiters, digits and letters, segments dropped) are read or refused with an {@link X12ParseException}
 * with a message; never another exception, never a hang. The inputs are generated with fixed seeds.
 */
class X12MalformedInputTest {

    private static final String[] SAMPLES = {
            "835/oopfactory_ExampleFromNth.x12", "999/oopfactory_DHS_Wisconsin_Sample.x12",
            "277ca/imsweb_x12_277CA_accepted.x12", "277/oopfactory_FromAlexbrodsky.x12", "837p/oopfactory_MedicaidExample.x12"};
    private static final byte[] DAMAGE = "~*:^>|0 9.-AZ\n\uFEFF".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> damagedSamples() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (String sample : SAMPLES) {
            byte[] bytes = X12SamplesTest.sample(sample);
            Random random = new Random(sample.hashCode());
            for (int i = 1; i <= 25; i++) {
                int cut = (int) ((long) bytes.length * i / 26);
                cases.add(Arguments.of(sample, "cut at byte " + cut, Arrays.copyOf(bytes, cut)));
            }
            for (int i = 0; i < 25; i++) {
                byte[] damaged = bytes.clone();
                for (int n = 0; n < 1 + random.nextInt(4); n++) {
                    damaged[random.nextInt(damaged.length)] = DAMAGE[random.nextInt(DAMAGE.length)];
                }
                cases.add(Arguments.of(sample, "bytes overwritten, seed case " + i, damaged));
            }
            for (int i = 0; i < 10; i++) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                List<String> segments = new ArrayList<>(Arrays.asList(text.split("~", -1)));
                segments.remove(1 + random.nextInt(segments.size() - 1));
                cases.add(Arguments.of(sample, "segment dropped, case " + i,
                        String.join("~", segments).getBytes(StandardCharsets.UTF_8)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("damagedSamples")
    void damagedFileIsReadOrRefusedWithTheDeclaredException(String sample, String damage, byte[] bytes) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readOrRefuse(sample, bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\uFEFF", "ISA", "ISA*00*", "GS*HC*A*B~", "hello world", "~~~~", "ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*P*:~",
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*P*:~IEA*1*000000001~",
            "ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*P*:~GS*HP*A*B*20240101*1200*1*X*005010X221A1~ST*835*1~SE*2*1~GE*1*1~IEA*1*000000001~"})
    void garbageIsRefusedOrReadWithoutAnyOtherException(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (String sample : SAMPLES) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readOrRefuse(sample, bytes));
        }
    }

    private static void readOrRefuse(String sample, byte[] bytes) {
        try {
            X12SamplesTest.readWithItsReader(sample, bytes);
        } catch (X12ParseException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message");
            assertFalse(e.getMessage().contains("DAK"), "no patient data: " + e.getMessage());
        } catch (RuntimeException e) {
            fail("only X12ParseException may escape, got " + e, e);
        }
    }
}
