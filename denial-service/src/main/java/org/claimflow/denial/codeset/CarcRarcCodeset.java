package org.claimflow.denial.codeset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The X12 CARC/RARC code list as shipped in {@code src/main/resources/codesets/} (see SOURCES.md there):
 * tab-separated, one header row, columns {@code adj_code, adj_type (Group|CARC|RARC), adj_description,
 * adj_usage, adj_notes, adj_start_date, adj_last_modified, adj_end_date}.
 */
public final class CarcRarcCodeset {

    public static final String RESOURCE = "codesets/carc_rarc_group_codes_2024-06.tsv";

    private static final int CODE = 0;
    private static final int TYPE = 1;
    private static final int DESCRIPTION = 2;
    private static final int START = 5;
    private static final int END = 7;

    private CarcRarcCodeset() {
    }

    /**
     * @param kind GROUP, CARC or RARC
     * @param endDate set when the code was retired; payers may still send it on older claims
     */
    public record Code(String kind, String code, String description, LocalDate startDate, LocalDate endDate) {
    }

    public static List<Code> parse(InputStream in) {
        List<Code> codes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.startsWith("adj_code\tadj_type\tadj_description")) {
                throw new IllegalStateException(RESOURCE + " does not start with the expected header");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length <= END) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNumber + " has " + cells.length + " columns");
                }
                codes.add(new Code(kind(cells[TYPE], lineNumber), cells[CODE].trim(), cells[DESCRIPTION].trim(),
                        date(cells[START]), date(cells[END])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(codes);
    }

    private static String kind(String type, int lineNumber) {
        return switch (type.trim()) {
            case "Group" -> "GROUP";
            case "CARC" -> "CARC";
            case "RARC" -> "RARC";
            default -> throw new IllegalStateException(RESOURCE + " line " + lineNumber + " has unknown type " + type);
        };
    }

    private static LocalDate date(String cell) {
        return cell == null || cell.isBlank() ? null : LocalDate.parse(cell.trim());
    }
}
