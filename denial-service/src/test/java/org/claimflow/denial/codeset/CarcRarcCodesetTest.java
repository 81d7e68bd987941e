package org.claimflow.denial.codeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CarcRarcCodesetTest {

    private static List<CarcRarcCodeset.Code> shipped() throws Exception {
        try (InputStream in = CarcRarcCodesetTest.class.getClassLoader().getResourceAsStream(CarcRarcCodeset.RESOURCE)) {
            return CarcRarcCodeset.parse(in);
        }
    }

    @Test
    void readsEveryGroupCarcAndRarcOfTheShippedList() throws Exception {
        Map<String, Long> counts = shipped().stream().collect(Collectors.groupingBy(CarcRarcCodeset.Code::kind, Collectors.counting()));
        // SOURCES.md: 5 group codes, 405 CARCs, 1,171 RARCs
        assertEquals(Map.of("GROUP", 5L, "CARC", 405L, "RARC", 1171L), counts);
    }

    @Test
    void keepsDescriptionsAndRetirementDates() throws Exception {
        Map<String, CarcRarcCodeset.Code> carcs = shipped().stream().filter(c -> c.kind().equals("CARC"))
                .collect(Collectors.toMap(CarcRarcCodeset.Code::code, Function.identity()));
        assertTrue(carcs.get("96").description().startsWith("Non-covered charge(s)."));
        assertEquals("Precertification/authorization/notification/pre-treatment absent.", carcs.get("197").description());
        assertTrue(carcs.values().stream().anyMatch(c -> c.endDate() != null), "retired CARCs keep their end date");
    }
}
