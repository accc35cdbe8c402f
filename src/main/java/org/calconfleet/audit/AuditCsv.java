package org.calconfleet.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.calconfleet.common.Csv;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV of the trail: every hashed field, the previous hash and the hash, so that an export can be checked
 * away from the console ({@link OfflineAuditVerifier}). An empty value is written {@code ""} and a missing one as
 * nothing, because the hash tells them apart.
 */
final class AuditCsv {

    static final String HEADER = "seq,occurred_at,actor,action,subject,before,after,reason,prev_hash,hash";
    private static final int COLUMNS = 10;

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    void row(AuditEntry entry) throws IOException {
        out.write(String.join(",",
                Long.toString(entry.getSeq()),
                entry.getOccurredAt().toString(),
                Csv.field(entry.getActor()),
                entry.getAction().name(),
                Csv.field(entry.getSubject()),
                Csv.nullableField(entry.getBefore()),
                Csv.nullableField(entry.getAfter()),
                Csv.nullableField(entry.getReason()),
                entry.getPrevHash(),
                entry.getHash()));
        out.write("\r\n");
    }

    /** The entries of an export, as written, in the file's order. */
    static List<AuditEntry> read(Reader in) throws IOException, Unreadable {
        List<Csv.Row> rows;
        try {
            rows = Csv.parseKeepingNulls(in);
        } catch (Csv.SyntaxException e) {
            throw new Unreadable(e.line(), e.getMessage());
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (Csv.Row row : rows) {
            if (String.join(",", row.fields().stream().map(Objects::toString).toList()).equals(HEADER)) {
                continue;
            }
            entries.add(entry(row));
        }
        return entries;
    }

    private static AuditEntry entry(Csv.Row row) throws Unreadable {
        List<@Nullable String> f = row.fields();
        if (f.size() != COLUMNS) {
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
