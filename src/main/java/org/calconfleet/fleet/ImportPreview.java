package org.calconfleet.fleet;

import java.util.List;
import org.calconfleet.common.CsvEncoding;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded CSV would do, before anything is stored: the encoding it was read in, and each row valid, a
 * duplicate, or refused. A file that is not text in that encoding ({@code undecodableLine}) or not CSV
 * ({@code syntaxErrorLine}) has no rows.
 */
public record ImportPreview(CsvEncoding encoding, List<Row> rows, @Nullable Integer undecodableLine,
        @Nullable Integer syntaxErrorLine) {

    /**
     * One line of the file; {@code hostName} as written in it, also when the line could not be read into values.
     * {@code notStored}: what a valid row holds that will not be stored ({@link ServerRules#notStored}).
     */
    public record Row(int line, String hostName, @Nullable ServerValues values, List<ServerProblem> problems,
            boolean existing, List<Normalised> normalised, List<ServerProblem> notStored) {

        public boolean valid() {
            return values != null && problems.isEmpty();
        }
    }

    /** A numeric field written with full-width digits or spaces, and what it was read as (NFKC). */
    public record Normalised(String field, String written, String readAs) {
    }

    static ImportPreview undecodable(CsvEncoding encoding, int line) {
        return new ImportPreview(encoding, List.of(), line, null);
    }

    static ImportPreview unparseable(CsvEncoding encoding, int line) {
        return new ImportPreview(encoding, List.of(), null, line);
    }

    public List<Row> validRows() {
        return rows.stream().filter(Row::valid).toList();
    }

    public List<Row> badRows() {
        return rows.stream().filter(row -> !row.valid()).toList();
    }

    public long existingCount() {
        return validRows().stream().filter(Row::existing).count();
    }

    public boolean readable() {
        return undecodableLine == null && syntaxErrorLine == null;
    }
}
