package org.claimflow.sandbox.x12;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reading and writing X12 data types: R (decimal), D8 and RD8 dates. */
public final class X12Values {

    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private X12Values() {
    }

    public static boolean isDecimal(String value) {
        return value != null && DECIMAL.matcher(value).matches();
    }

    public static Optional<BigDecimal> decimal(String value) {
        return isDecimal(value) ? Optional.of(new BigDecimal(value)) : Optional.empty();
    }

    /** A positive whole number of at most 2 digits (a diagnosis pointer); empty otherwise. */
    public static Optional<Integer> integer(String value) {
        return value != null && value.matches("[1-9][0-9]?") ? Optional.of(Integer.valueOf(value)) : Optional.empty();
    }

    public static Optional<LocalDate> date(String value) {
        try {
            return value == null || value.length() != 8 ? Optional.empty() : Optional.of(LocalDate.parse(value, D8));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** DTP02/DTP03 as a period: D8 is one day, RD8 is "from-to". Empty when malformed. */
    public static Optional<LocalDate[]> period(String format, String value) {
        if ("D8".equals(format)) {
            return date(value).map(d -> new LocalDate[] {d, d});
        }
        if ("RD8".equals(format) && value != null) {
            String[] parts = value.split("-", -1);
            if (parts.length == 2) {
                Optional<LocalDate> from = date(parts[0]);
                Optional<LocalDate> to = date(parts[1]);
                if (from.isPresent() && to.isPresent() && !to.get().isBefore(from.get())) {
                    return Optional.of(new LocalDate[] {from.get(), to.get()});
                }
            }
        }
        return Optional.empty();
    }

    public static String d8(LocalDate date) {
        return D8.format(date);
    }

    public static String hhmm(LocalDateTime time) {
        return HHMM.format(time);
    }

    /** Money as X12 R with two decimals: 53.60, -53.60, 0.00. */
    public static String amount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A fraction as X12 R without a leading zero: 0.20 becomes .20, zero becomes 0. */
    public static String percent(BigDecimal fraction) {
        if (fraction.signum() == 0) {
            return "0";
        }
        String plain = fraction.setScale(2, RoundingMode.HALF_UP).toPlainString();
        return plain.startsWith("0.") ? plain.substring(1) : plain;
    }

    /** Units as sent, without needless trailing zeros. */
    public static String quantity(BigDecimal units) {
        BigDecimal stripped = units.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }
}
