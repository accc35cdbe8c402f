package org.calconfleet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.i18n.StoredMessage.at;
import static org.calconfleet.i18n.StoredMessage.count;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.listed;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.calconfleet.common.Csv;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.i18n.TimeFormats;
import org.calconfleet.testdb.DatabaseTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

/** Values are stored as codes with typed arguments and read in the reader's language and zone; old text stays. */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class AuditReadingTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant LOCKED_UNTIL = Instant.parse("2026-12-06T03:00:00Z");
    private static final String SENTENCE = "port 45001 on 1 servers: 1 to change";

    @Autowired
    AuditTrail audit;

    @Autowired
    Messages messages;

    private AuditEntry locked(String user) {
        return audit.record(AuditEvent.of("system", AuditAction.SIGN_IN_LOCKED, AuditSubject.user(user))
                .change(null, StoredMessage.of("security.value.lockedUntil", at(LOCKED_UNTIL)))
                .because(StoredMessage.of("security.reason.failedSignIns", count(5), count(15))));
    }

    private String tokyoTime(Instant instant) {
        return TimeFormats.dateTime(FormatStyle.MEDIUM, Locale.JAPANESE, TOKYO).format(instant);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void a_sentence_stored_before_messages_were_data_and_structured_entries_after_it_keep_one_intact_chain() {
        AuditEntry legacy = audit.record(AuditEvent.of("alice", AuditAction.PORT_CHANGE_REQUESTED,
                AuditSubject.change(4711)).change(null, SENTENCE).because("CHG-7"));
        AuditEntry structured = locked("legacy-reader");

        ChainVerification verified = audit.verify();

        assertThat(verified.isIntact()).isTrue();
        assertThat(messages.render(legacy.getAfter(), Locale.JAPANESE, TOKYO)).as("shown as it was stored")
                .isEqualTo(SENTENCE);
        assertThat(messages.render(legacy.getReason(), Locale.JAPANESE, TOKYO)).isEqualTo("CHG-7");
        assertThat(StoredMessage.parse(structured.getAfter()))
                .contains(StoredMessage.of("security.value.lockedUntil", at(LOCKED_UNTIL)));
        assertThat(messages.render(structured.getAfter(), Locale.JAPANESE, TOKYO))
                .isEqualTo(tokyoTime(LOCKED_UNTIL) + " までロック").contains("12:00:00");
        assertThat(messages.render(structured.getReason(), Locale.ENGLISH, ZoneOffset.UTC))
                .isEqualTo("5 failed sign-ins within 15 minutes");
        AuditEntry verification = audit.search(new AuditFilter(null, null, AuditAction.AUDIT_VERIFIED, null, null),
                Pageable.ofSize(1)).getFirst();
        assertThat(StoredMessage.parse(verification.getAfter())).hasValueSatisfying(value -> {
            assertThat(value.code()).isEqualTo("audit.value.verified.intact");
            assertThat(value.arguments().getFirst()).isEqualTo(count(verified.checked()));
        });
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void the_csv_export_keeps_the_stored_values_and_shows_them_in_the_exporting_users_language_and_zone()
            throws Exception {
        AuditEntry entry = locked("csv-ja-reader");
        StringWriter out = new StringWriter();

        audit.exportCsv(AuditFilter.forSubject(entry.getSubject()), out, Locale.JAPANESE, TOKYO);

        List<Csv.Row> rows = Csv.parseKeepingNulls(new StringReader(out.toString()));
        assertThat(String.join(",", rows.getFirst().fields().stream().map(String::valueOf).toList()))
                .isEqualTo(AuditCsv.HEADER);
        List<@Nullable String> row = rows.get(1).fields();
        assertThat(row.subList(5, 8)).as("as hashed").containsExactly(null, entry.getAfter(), entry.getReason());
        assertThat(row.subList(10, 15)).containsExactly(tokyoTime(entry.getOccurredAt()),
                messages.get(AuditAction.SIGN_IN_LOCKED.messageKey(), Locale.JAPANESE), null,
                tokyoTime(LOCKED_UNTIL) + " までロック", "15 分以内にサインインに 5 回失敗");
        assertThat(String.join(" ", row.get(10), row.get(11), row.get(13), row.get(14)))
                .doesNotContainPattern("[A-Za-z]{2,}");
        assertThat(AuditCsv.read(new StringReader(out.toString()))).singleElement()
                .satisfies(read -> assertThat(AuditChain.hash(read.getPrevHash(), read)).isEqualTo(entry.getHash()));
    }

    @Test
    void a_stored_message_too_long_for_its_column_keeps_its_shape_and_shortens_its_longest_text() {
        StoredMessage notes = StoredMessage.of("fleet.value.fields", listed(List.of(
                inner(StoredMessage.of("fleet.value.field", new StoredMessage.Choice("fleet.field.notes"),
                        verbatim("n".repeat(2 * AuditEntry.TEXT_MAX_LENGTH)))),
                inner(StoredMessage.of("fleet.value.field", new StoredMessage.Choice("fleet.field.site"),
                        verbatim("Osaka"))))));

        AuditEntry entry = audit.record(AuditEvent.of("oscar", AuditAction.SERVER_CREATED,
                AuditSubject.server("FIT-EXC01")).change(null, notes));

        assertThat(entry.getAfter()).hasSizeLessThanOrEqualTo(AuditEntry.TEXT_MAX_LENGTH);
        assertThat(messages.render(entry.getAfter(), Locale.ENGLISH, ZoneOffset.UTC))
                .startsWith("Notes: nnnn").contains("n…, ").endsWith("Site: Osaka");
    }
}
