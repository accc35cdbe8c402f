package org.calconfleet.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV through Apache Commons CSV: CRLF line ends, fields quoted when they hold a comma, a quote or a line
 * break. What this class adds is the line each record starts on, for error messages that point at it.
 */
public final class Csv {

    public static final String LINE_END = "\r\n";

    private static final CSVFormat WRITTEN = CSVFormat.RFC4180;

    /**
     * Blank lines are kept so that the parser's line count stays the file's; {@code ALL_NON_NULL} is what makes
     * Commons CSV read an unquoted empty field as null and {@code ""} as the empty text.
     */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setQuoteMode(QuoteMode.ALL_NON_NULL).get();

    /**
     * One record and the line of the file it starts on (1-based), for error messages that point at it. Its fields
     * are null only as read by {@link #parseKeepingNulls}.
     */
    public record Row(int line, List<@Nullable String> fields) {
    }

    /** The file is not CSV from the record starting on this line on (a quote that never closes, or text after one). */
    public static class SyntaxException extends Exception {
        private final int line;

        SyntaxException(int line, String why) {
            super(why);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    public static String field(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder quoted = new StringBuilder(value.length() + 2);
        try {
            WRITTEN.print(value, quoted, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return quoted.toString();
    }

    public static String line(List<@Nullable String> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + LINE_END;
    }

    /** Every non-blank record; accepts CRLF or LF line ends and a leading byte-order mark. */
    public static List<Row> parse(Reader reader) throws IOException, SyntaxException {
        return parse(reader, false);
    }

    /**
     * As {@link #parse(Reader)}, but an empty field without quotes is null and {@code ""} is the empty text: the
     * reading of what {@link #nullableField} wrote.
     */
    public static List<Row> parseKeepingNulls(Reader reader) throws IOException, SyntaxException {
        return parse(reader, true);
    }

    /** A field that reads back as null when the value is null and as the empty text when it is empty. */
    public static String nullableField(@Nullable String value) {
        return value != null && value.isEmpty() ? "\"\"" : field(value);
    }

    private static List<Row> parse(Reader reader, boolean nulls) throws IOException, SyntaxException {
        List<Row> rows = new ArrayList<>();
        long lineBreaksBefore = 0;
        try (CSVParser parser = CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(READ).get()) {
            try {
                for (CSVRecord record : parser) {
                    List<@Nullable String> fields = record.toList();
                    if (!(fields.size() == 1 && fields.getFirst() == null)) {
                        rows.add(new Row(Math.toIntExact(lineBreaksBefore + 1), Collections.unmodifiableList(
                                nulls ? fields : fields.stream().map(f -> f == null ? "" : f).toList())));
                    }
                    lineBreaksBefore = parser.getCurrentLineNumber();
                }
            } catch (UncheckedIOException e) {
                throw new SyntaxException(Math.toIntExact(lineBreaksBefore + 1),
                        String.valueOf(e.getCause().getMessage()));
            }
        }
        return rows;
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        Reader buffered = reader.markSupported() ? reader : new BufferedReader(reader);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        return buffered;
    }
}
