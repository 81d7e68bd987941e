package org.claimflow.sandbox.x12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.claimflow.sandbox.fixtures.X12Text;
import org.junit.jupiter.api.Test;

class X12WriterTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 5);

    @Test
    void writesFixedWidthIsaAndMatchingCountsAndControlNumbers() {
        X12Writer writer = new X12Writer("ZZ", "SANDBOXCH", "ZZ", "A-VERY-LONG-RECEIVER-ID", 42, true, NOW);
        X12Writer.Group group = writer.group("FA", "SANDBOXCH", "CLAIMFLOW", "005010X231A1");
        group.transaction("999", "005010X231A1").add("AK1", "HC", "1", "005010X222A1").add("AK9", "A", "1", "1", "1");
        group.transaction("999", "005010X231A1").add("AK1", "HC", "2", "005010X222A1");

        String x12 = writer.build();

        Interchange read = X12Text.readValid(x12);
        assertEquals("000000042", read.controlNumber());
        assertEquals("A-VERY-LONG-REC", read.receiverId(), "ids are cut to 15 characters");
        assertTrue(x12.contains("SE*4*0001~"), x12);
        assertTrue(x12.contains("SE*3*0002~"), x12);
        assertTrue(x12.contains("GE*2*42~"), x12);
        assertTrue(x12.contains("IEA*1*000000042~"), x12);
        assertTrue(x12.startsWith("ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*A-VERY-LONG-REC*260310*0905*^*00501*000000042*0*T*:~"), x12);
    }

    @Test
    void dropsTrailingEmptyElementsAndKeepsInnerOnes() {
        assertEquals("EB*B*IND*98***27*25.00", X12Writer.segment("EB", "B", "IND", "98", null, null, "27", "25.00", null, ""));
        assertEquals("SVC*HC:99213*150.00", X12Writer.segment("SVC", new String[] {"HC", "99213", null}, "150.00"));
        assertEquals("STC*A3:400*20260310", X12Writer.segment("STC", new String[] {"A3", "400", null}, "20260310"));
    }

    @Test
    void replacesDelimitersInsideValues() {
        assertEquals("NM1*QC*1*O BRIEN  JR", X12Writer.segment("NM1", "QC", "1", "O*BRIEN~:JR"));
        List<String> cleaned = List.of(X12Writer.clean("A^B"), X12Writer.clean("line\nbreak"));
        assertEquals(List.of("A B", "line break"), cleaned);
    }
}
