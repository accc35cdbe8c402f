package org.calconfleet.audit;

import java.io.IOException;
import java.io.Writer;
import org.calconfleet.common.Csv;

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
                Csv.field(entry.getActor()),
                entry.getAction().name(),
                Csv.field(entry.getSubject()),
                Csv.field(entry.getBefore()),
                Csv.field(entry.getAfter()),
                Csv.field(entry.getReason()),
                entry.getPrevHash(),
                entry.getHash()));
        out.write("\r\n");
    }
}
