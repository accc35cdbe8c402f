package org.calconfleet.audit;

import java.io.IOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/** RFC 4180 CSV of the trail, hashes included, so an export can be checked away from the console. */
final class AuditCsv {

    static final String HEADER = "seq,occurred_at,actor,action,subject,before,after,reason,prev_hash,hash";

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
                quote(entry.getActor()),
                entry.getAction().name(),
                quote(entry.getSubject()),
                quote(entry.getBefore()),
                quote(entry.getAfter()),
                quote(entry.getReason()),
                entry.getPrevHash(),
                entry.getHash()));
        out.write("\r\n");
    }

    static String quote(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
