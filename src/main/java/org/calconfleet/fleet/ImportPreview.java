package org.calconfleet.fleet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an uploaded CSV would do, before anything is stored: each row valid, a duplicate, or refused. */
public record ImportPreview(List<Row> rows, @Nullable Integer syntaxErrorLine) {

    /** One line of the file; {@code hostName} as written in it, also when the line could not be read into values. */
    public record Row(int line, String hostName, @Nullable ServerValues values, List<ServerProblem> problems,
            boolean existing) {

        public boolean valid() {
            return values != null && problems.isEmpty();
        }
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
        return syntaxErrorLine == null;
    }
}
