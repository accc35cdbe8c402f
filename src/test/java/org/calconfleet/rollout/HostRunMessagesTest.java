package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.port;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.simulated.HostFault;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;

/**
 * A host run stores its messages, log lines and audit values as codes with typed arguments, not sentences, and each
 * reader reads them in their language: a Japanese reader finds no English sentence in a finished run, only what the
 * hosts said (host names, commands, event texts) as they said it.
 */
class HostRunMessagesTest extends RolloutTestBase {

    static final int FROM = 45001;
    static final int TO = 45071;
    /** Three Latin-letter words in a row: a sentence, or the start of one. */
    static final Pattern LATIN_SENTENCE = Pattern.compile("\\p{IsLatin}{2,}(?:[\\s,;:.()'-]+\\p{IsLatin}{2,}){2,}");

    @Test
    void what_a_finished_run_stores_is_codes_with_typed_arguments() {
        long id = servers("HRMS", 1, FROM).getFirst();
        HostRunView run = rollOut(id);
        String domino = Objects.requireNonNull(server(id).getDominoServer());

        assertThat(StoredMessage.parse(run.lastMessage())).contains(
                StoredMessage.of("rollout.run.done-domino", verbatim(domino)));
        List<StoredMessage> messages = jdbc.queryForList(
                "select message from host_run_log where host_run_id = ? order by id", String.class, run.id()).stream()
                .map(stored -> StoredMessage.parse(stored).orElseThrow()).toList();
        assertThat(messages).extracting(StoredMessage::code).startsWith("rollout.run.precheck-passed",
                "rollout.run.written", "rollout.run.stopped-and-started", "rollout.run.verified");
        assertThat(messages.get(3).arguments()).containsExactly(
                new StoredMessage.At(Objects.requireNonNull(run.evidence()).writtenAt()), new StoredMessage.Port(TO));
        assertThat(jdbc.queryForList("select outcome from host_run_log where host_run_id = ? order by id",
                String.class, run.id())).first().isEqualTo(StoredMessage.of("rollout.outcome.passed").toJson());

        awaitAuditDrained();
        StoredMessage dword = StoredMessage.of("rollout.value.dword", port(FROM));
        StoredMessage previous = StoredMessage.of("rollout.value.pair", inner(dword), inner(dword));
        List<AuditEntry> history = history(run.hostName());
        assertThat(history).filteredOn(e -> e.getAction() == AuditAction.HOST_STEP)
                .extracting(e -> StoredMessage.parse(e.getBefore()).orElse(null)).contains(previous);
        assertThat(history.getLast().getAction()).isEqualTo(AuditAction.HOST_RUN_FINISHED);
        assertThat(StoredMessage.parse(history.getLast().getBefore())).contains(previous);
        assertThat(english(history.getLast().getBefore())).isEqualTo("REG_DWORD 45001 / REG_DWORD 45001");
        assertThat(japanese(history.getLast().getAfter())).isEqualTo("完了（イベント 6001 で確認済み）");
        assertThat(code(history.getLast().getReason())).as("the step's moment first").isEqualTo("rollout.audit.at");
        assertThat(japanese(history.getLast().getReason())).contains(": 変更 #", "、ポート " + TO + ": 完了。")
                .doesNotContain("Z:");
    }

    @Test
    void a_finished_runs_message_and_log_read_in_english_and_in_japanese() {
        long id = servers("HRMR", 1, FROM).getFirst();
        HostRunView run = rollOut(id);
        String domino = Objects.requireNonNull(server(id).getDominoServer());
        List<HostRunLogEntry> log = Users.as("helpdesk", Role.HELPDESK, () -> rollouts.hostLog(run.id()));

        assertThat(english(run.lastMessage())).isEqualTo("done; EXCALCON reloaded on " + domino);
        assertThat(japanese(run.lastMessage())).isEqualTo("完了。" + domino + " で EXCALCON を再読み込みしました");
        assertThat(log).extracting(e -> english(e.outcome()) + ": " + english(e.message())).contains(
                "passed: precheck passed", "written: both values written");
        assertThat(log).extracting(e -> japanese(e.outcome()) + ": " + japanese(e.message())).contains(
                "合格: 事前チェックに合格しました", "書き込み済み: 両方の値を書き込みました");
        assertThat(log).filteredOn(e -> e.step() == Step.VERIFY).extracting(e -> japanese(e.message()))
                .singleElement().asString().endsWith(" のイベント 6001 がポート " + TO + " を示しています")
                .doesNotContain("Z");

        List<String> stored = new ArrayList<>(List.of(Objects.requireNonNull(run.lastMessage())));
        log.forEach(e -> stored.addAll(Stream.of(e.outcome(), e.message()).filter(Objects::nonNull).toList()));
        assertThat(stored).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(
                messages.render(withoutHostData(StoredMessage.parse(text).orElseThrow()), Messages.JAPANESE,
                        ZoneOffset.UTC)).doesNotContainPattern(LATIN_SENTENCE));
    }

    @Test
    void a_read_the_precheck_retries_is_named_by_its_label_in_each_language() {
        long id = servers("HRMT", 1, FROM).getFirst();
        ChangeSummary submitted = submit(ChangeDraft.now(List.of(id), TO, "messages", null,
                new ChangeDraft.Waves(0, 5, 1, 0)));
        host(id).injectFault(HostFault.unreachable().on(HostOperation.LIST_TCP_LISTENERS).times(1));
        approve(submitted.id());
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        long runId = hostRuns(submitted.id()).getFirst().id();

        StoredMessage retry = Users.as("helpdesk", Role.HELPDESK, () -> rollouts.hostLog(runId)).stream()
                .map(e -> StoredMessage.parse(e.message()).orElseThrow())
                .filter(m -> m.code().equals("rollout.run.retry")).findFirst().orElseThrow();
        assertThat(english(retry)).startsWith("attempt 2 of 3 in ").contains(": cannot list the TCP listeners: ");
        assertThat(japanese(retry.toJson())).contains("TCP の待ち受け一覧の取得")
                .doesNotContain("list the TCP listeners");
    }

    private HostRunView rollOut(long id) {
        ChangeSummary submitted = submit(ChangeDraft.now(List.of(id), TO, "messages", null,
                new ChangeDraft.Waves(0, 5, 1, 0)));
        approve(submitted.id());
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        return hostRuns(submitted.id()).getFirst();
    }

    private String japanese(String stored) {
        return messages.render(stored, Messages.JAPANESE, ZoneOffset.UTC);
    }

    /** The message with what the hosts said (kept as it was said) blanked out: what is left is the console's words. */
    private static StoredMessage withoutHostData(StoredMessage message) {
        return new StoredMessage(message.code(), message.arguments().stream()
                .map(HostRunMessagesTest::withoutHostData).toList());
    }

    private static StoredMessage.Argument withoutHostData(StoredMessage.Argument argument) {
        return switch (argument) {
            case StoredMessage.Verbatim v -> verbatim("◇");
            case StoredMessage.Inner i -> inner(withoutHostData(i.message()));
            case StoredMessage.Listed l -> StoredMessage.listed(l.items().stream()
                    .map(HostRunMessagesTest::withoutHostData).toList());
            default -> argument;
        };
    }
}
