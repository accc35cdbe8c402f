package org.calconfleet.siem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntries;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.i18n.Messages;
import org.junit.jupiter.api.Test;

class SyslogFormatTest {

    private static final Instant AT = Instant.parse("2026-12-04T09:15:30.250Z");
    private static final String GENESIS = "0".repeat(64);

    private final SyslogFormat format = new SyslogFormat(13, "calcon-1.corp.example", "calcon", 32473);
    private final AuditSentence sentence = new AuditSentence(new Messages());

    @Test
    void an_entry_becomes_an_rfc5424_message_framed_by_its_length_in_octets() {
        AuditEntry entry = AuditEntries.chained(7, AT, AuditEvent.of("oscar", AuditAction.SERVER_UPDATED,
                "server:KYO-EXC01").change("desiredPort=45001", "desiredPort=45002"), GENESIS);

        String frame = new String(format.frame(entry, "text"), StandardCharsets.UTF_8);

        String message = "<109>1 2026-12-04T09:15:30.250Z calcon-1.corp.example calcon - SERVER_UPDATED"
                + " [audit@32473 seq=\"7\" occurredAt=\"2026-12-04T09:15:30.250Z\" actor=\"oscar\""
                + " action=\"SERVER_UPDATED\" subject=\"server:KYO-EXC01\" before=\"desiredPort=45001\""
                + " after=\"desiredPort=45002\" prevHash=\"" + GENESIS + "\" hash=\"" + entry.getHash() + "\"]"
                + " \uFEFFtext";
        assertThat(frame).isEqualTo(message.getBytes(StandardCharsets.UTF_8).length + " " + message);
    }

    @Test
    void the_structured_data_lets_a_siem_recompute_the_hash_of_an_entry_whatever_it_holds() throws Exception {
        AuditEntry first = AuditEntries.chained(41, AT, AuditEvent.of("system", AuditAction.SIGN_IN_FAILED,
                "address:10.0.0.1"), GENESIS);
        AuditEntry tricky = AuditEntries.chained(42, AT, AuditEvent.of("山田", AuditAction.POLICY_CHANGED,
                "policy").change(null, "note=\"a] b\\c\"\nnext line").because(""), first.getHash());

        byte[] frame = format.frame(tricky, sentence.of(tricky, Messages.ENGLISH));
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        Received received = Received.of(text.substring(space + 1));

        assertThat(Integer.parseInt(text.substring(0, space))).isEqualTo(frame.length - space - 1);
        assertThat(received.params()).doesNotContainKey("before").containsEntry("reason", "")
                .containsEntry("after", "note=\"a] b\\c\"\nnext line").containsEntry("actor", "山田")
                .containsEntry("prevHash", first.getHash());
        assertThat(recomputedHash(received.params())).isEqualTo(tricky.getHash()).isEqualTo(received.params()
                .get("hash"));
        assertThat(received.text()).isEqualTo("Port policy changed: policy, by 山田. After: note=\"a] b\\c\"\n"
                + "next line. Reason: .");
    }

    @Test
    void refusals_and_failures_are_warnings_and_everything_else_a_notice_of_the_log_audit_facility() {
        AuditEntry refused = AuditEntries.chained(1, AT, AuditEvent.of("anonymous", AuditAction.API_TOKEN_REFUSED,
                "address:10.0.0.9"), GENESIS);
        AuditEntry signedIn = AuditEntries.chained(2, AT, AuditEvent.of("alice", AuditAction.SIGN_IN, "user:alice"),
                refused.getHash());

        assertThat(Received.of(new String(format.message(refused, "x"), StandardCharsets.UTF_8)).priority())
                .isEqualTo(13 * 8 + 4);
        assertThat(Received.of(new String(format.message(signedIn, "x"), StandardCharsets.UTF_8)).priority())
                .isEqualTo(13 * 8 + 5);
        AuditEntry webhook = AuditEntries.chained(3, AT, AuditEvent.of("system", AuditAction.WEBHOOK_FAILED,
                "drift-scan"), signedIn.getHash());
        assertThat(Received.of(new String(format.message(webhook, "x"), StandardCharsets.UTF_8)).priority())
                .isEqualTo(13 * 8 + 4);
    }

    @Test
    void every_action_is_a_valid_msgid_and_reads_as_a_sentence_in_english_and_japanese() {
        for (AuditAction action : AuditAction.values()) {
            AuditEntry entry = AuditEntries.chained(1, AT, AuditEvent.of("alice", action, "audit"), GENESIS);

            assertThat(SyslogFormat.isHeaderField(action.name(), 32)).as(action.name()).isTrue();
            assertThat(sentence.of(entry, Messages.ENGLISH)).doesNotContain("!").endsWith(": audit, by alice.");
            assertThat(sentence.of(entry, Messages.JAPANESE)).doesNotContain("!").endsWith(": audit（実行者: alice）。");
        }
    }

    /** What a SIEM does to check a copy against the chain: README, "Forwarding the audit trail to a SIEM". */
    private static String recomputedHash(Map<String, String> sd) throws Exception {
        StringBuilder canonical = new StringBuilder();
        for (String name : new String[] {"seq", "occurredAt", "actor", "action", "subject", "before", "after",
                "reason"}) {
            String value = sd.get(name);
            canonical.append(value == null ? "-;" : value.length() + ":" + value + ";");
        }
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha256.digest((sd.get("prevHash") + canonical)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
