package org.calconfleet.common;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a quote or a line break. */
public final class Csv {

    public static final String LINE_END = "\r\n";

    /**
     * One record and the line of the file it starts on (1-based), for error messages that point at it. Its fields
     * are null only as read by {@link #parseKeepingNulls}.
     */
    public record Row(int line, List<@Nullable String> fields) {
    }

    /** The file is not CSV from this line on (an opening quote that never closes). */
    public static class SyntaxException extends Exception {
        private final int line;

        SyntaxException(int line) {
            super("Unterminated quoted field starting on line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private Csv() {
    }

    public static String field(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
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
        List<@Nullable String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowStart = 1;
        int quoteStart = 0;
        int c = reader.read();
        if (c == '\uFEFF') {
            c = reader.read();
        }
        while (c != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int next = reader.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
                fieldStarted = true;
                quoteStart = line;
            } else if (ch == ',') {
                fields.add(value(field, wasQuoted, nulls));
                wasQuoted = false;
                fieldStarted = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int next = reader.read();
                    if (next != '\n') {
                        c = next;
                        endRow(rows, fields, value(field, wasQuoted, nulls), fieldStarted, rowStart);
                        wasQuoted = false;
                        fieldStarted = false;
                        rowStart = ++line;
                        continue;
                    }
                }
                endRow(rows, fields, value(field, wasQuoted, nulls), fieldStarted, rowStart);
                wasQuoted = false;
                fieldStarted = false;
                rowStart = ++line;
            } else {
                field.append(ch);
                fieldStarted = true;
            }
            c = reader.read();
        }
        if (quoted) {
            throw new SyntaxException(quoteStart);
        }
        endRow(rows, fields, value(field, wasQuoted, nulls), fieldStarted, rowStart);
        return rows;
    }

    private static @Nullable String value(StringBuilder field, boolean quoted, boolean nulls) {
        String text = field.toString();
        field.setLength(0);
        return nulls && text.isEmpty() && !quoted ? null : text;
    }

    private static void endRow(List<Row> rows, List<@Nullable String> fields, @Nullable String field,
            boolean started, int line) {
        if (started || !fields.isEmpty() || field != null && !field.isEmpty()) {
            fields.add(field);
            rows.add(new Row(line, java.util.Collections.unmodifiableList(new ArrayList<>(fields))));
        }
        fields.clear();
    }
}
