package org.calconfleet.audit;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.calconfleet.common.Csv;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV of the trail ({@link AuditCsvExport} writes it): every hashed field as stored, the previous hash and
 * the hash, so that an export can be checked away from the console ({@link OfflineAuditVerifier}); then the time, the
 * action and the values as the exporting user reads them. Reading it needs nothing but the JDK and Commons CSV.
 */
final class AuditCsv {

    static final String HASHED_HEADER = "seq,occurred_at,actor,action,subject,before,after,reason,prev_hash,hash";
    static final String HEADER = HASHED_HEADER + ",time_shown,action_shown,before_shown,after_shown,reason_shown";
    private static final int HASHED_COLUMNS = 10;
    private static final int COLUMNS = 15;

    private AuditCsv() {
    }

    /** The entries of an export, as written, in the file's order; an export made before it had reader columns too. */
    static List<AuditEntry> read(Reader in) throws IOException, Unreadable {
        List<Csv.Row> rows;
        try {
            rows = Csv.parseKeepingNulls(in);
        } catch (Csv.SyntaxException e) {
            throw new Unreadable(e.line(), e.getMessage());
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (Csv.Row row : rows) {
            String line = String.join(",", row.fields().stream().map(Objects::toString).toList());
            if (line.equals(HEADER) || line.equals(HASHED_HEADER)) {
                continue;
            }
            entries.add(entry(row));
        }
        return entries;
    }

    private static AuditEntry entry(Csv.Row row) throws Unreadable {
        List<@Nullable String> f = row.fields();
        if (f.size() != COLUMNS && f.size() != HASHED_COLUMNS) {
            throw new Unreadable(row.line(), "expected " + COLUMNS + " fields, found " + f.size());
        }
        try {
            return new AuditEntry(Long.parseLong(text(f, 0)), Instant.parse(text(f, 1)), text(f, 2),
                    AuditAction.valueOf(text(f, 3)), text(f, 4), f.get(5), f.get(6), f.get(7), text(f, 8),
                    text(f, 9));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new Unreadable(row.line(), e.getMessage());
        }
    }

    private static String text(List<@Nullable String> fields, int index) {
        String value = fields.get(index);
        return value == null ? "" : value;
    }

    /** The file is not an audit export from this line on. */
    static final class Unreadable extends Exception {
        Unreadable(int line, @Nullable String why) {
            super("line " + line + ": " + why);
        }
    }
}
