package org.calconfleet.siem;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.jspecify.annotations.Nullable;

/**
 * An audit entry as an RFC 5424 syslog message, framed by octet counting (RFC 6587 3.4.1, also RFC 5425's framing):
 * {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME - ACTION [audit@PEN seq=… occurredAt=… actor=… action=… subject=…
 * before=… after=… reason=… prevHash=… hash=…] BOM text}. The structured data carries every field the chain's hash
 * covers, exactly as stored, so a SIEM can recompute the hash; a field the entry lacks is left out, which is how the
 * hash tells a missing value from an empty one. TIMESTAMP is the entry's own time, not the time it was sent.
 */
final class SyslogFormat {

    static final String NIL = "-";
    static final int HOSTNAME_MAX = 255;
    static final int APP_NAME_MAX = 48;
    static final int SEVERITY_WARNING = 4;
    static final int SEVERITY_NOTICE = 5;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Set<AuditAction> WARNINGS = EnumSet.of(AuditAction.SIGN_IN_FAILED,
            AuditAction.SIGN_IN_LOCKED, AuditAction.API_TOKEN_REFUSED, AuditAction.NOTIFICATION_FAILED,
            AuditAction.WEBHOOK_FAILED);

    private final int facility;
    private final String hostname;
    private final String appName;
    private final String structuredDataId;

    SyslogFormat(int facility, String hostname, String appName, int enterpriseNumber) {
        this.facility = facility;
        this.hostname = hostname;
        this.appName = appName;
        this.structuredDataId = "audit@" + enterpriseNumber;
    }

    /** RFC 5424's PRINTUSASCII, 1 to {@code max} characters: what HOSTNAME, APP-NAME and MSGID may hold. */
    static boolean isHeaderField(String value, int max) {
        return !value.isEmpty() && value.length() <= max && value.chars().allMatch(c -> c >= 33 && c <= 126);
    }

    static int severity(AuditAction action) {
        return WARNINGS.contains(action) ? SEVERITY_WARNING : SEVERITY_NOTICE;
    }

    /** {@code MSG-LEN SP SYSLOG-MSG}: the length in octets, a space, the message. */
    byte[] frame(AuditEntry entry, String text) {
        byte[] message = message(entry, text);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(message.length + 8);
        frame.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
        frame.writeBytes(message);
        return frame.toByteArray();
    }

    byte[] message(AuditEntry entry, String text) {
        StringBuilder head = new StringBuilder()
                .append('<').append(facility * 8 + severity(entry.getAction())).append(">1 ")
                .append(entry.getOccurredAt()).append(' ')
                .append(hostname).append(' ')
                .append(appName).append(' ')
                .append(NIL).append(' ')
                .append(entry.getAction().name()).append(' ')
                .append('[').append(structuredDataId);
        param(head, "seq", Long.toString(entry.getSeq()));
        param(head, "occurredAt", entry.getOccurredAt().toString());
        param(head, "actor", entry.getActor());
        param(head, "action", entry.getAction().name());
        param(head, "subject", entry.getSubject());
        param(head, "before", entry.getBefore());
        param(head, "after", entry.getAfter());
        param(head, "reason", entry.getReason());
        param(head, "prevHash", entry.getPrevHash());
        param(head, "hash", entry.getHash());
        head.append("] ");
        ByteArrayOutputStream message = new ByteArrayOutputStream(head.length() + text.length() + 16);
        message.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        message.writeBytes(BOM);
        message.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return message.toByteArray();
    }

    private static void param(StringBuilder sd, String name, @Nullable String value) {
        if (value == null) {
            return;
        }
        sd.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                sd.append('\\');
            }
            sd.append(c);
        }
        sd.append('"');
    }
}
