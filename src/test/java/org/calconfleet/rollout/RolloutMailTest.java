package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.notification.LocalSmtp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rollout e-mail through an in-process SMTP server (GreenMail's plain API). */
class RolloutMailTest extends RolloutTestBase {

    private static final StoredMessage ENDED_FINISHED = StoredMessage.of("notification.reason.rollout",
            new StoredMessage.Choice("notification.notice.end"), new StoredMessage.Choice("notification.outcome.finished"));
    private static final String NOT_SENT = StoredMessage.of("notification.reason.notSent",
            StoredMessage.inner(ENDED_FINISHED), StoredMessage.inner(StoredMessage.of("notification.value.error",
                    StoredMessage.verbatim("MailSendException")))).toJson();

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static GreenMail smtp = LocalSmtp.start(SMTP_PORT);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("calcon.public-url", () -> "https://calcon.example.test/");
        properties.add("calcon.mail.from", () -> "calcon@example.test");
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_finished_rollout_mails_the_policy_addresses_once_with_counts_and_a_link_in_english_and_japanese()
            throws Exception {
        mailPolicyTo("ops@example.test", "network@example.test");
        List<Long> ids = servers("MLOK", 2, 45001);
        ChangeSummary done = runToEnd(ChangeDraft.now(ids, 45031, "pin for the firewall", "CHG-4711",
                new ChangeDraft.Waves(0, 5, 2, 0)));
        assertThat(done.state()).isEqualTo(ChangeState.DONE);

        MimeMessage mail = onlyMail();
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder("ops@example.test", "network@example.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("calcon@example.test");
        assertThat(mail.getSubject()).isEqualTo("[CalCon] Rollout #" + done.id() + " finished: port 45031");
        String body = (String) mail.getContent();
        assertThat(body).contains("Reason: pin for the firewall", "Ticket: CHG-4711",
                "Requested by oscar; approved by olivia", "Hosts: 2 in all. Done 2",
                "Open the job: https://calcon.example.test/jobs/" + done.id(),
                "ロールアウト #" + done.id() + " 完了: ポート 45031", "チケット: CHG-4711");
        awaitAuditDrained();
        assertThat(changeHistory(done.id())).filteredOn(e -> e.getAction() == AuditAction.NOTIFICATION_SENT)
                .extracting(AuditEntry::getReason).contains(ENDED_FINISHED.toJson());
    }

    @Test
    void a_failed_rollout_says_so_and_names_the_host_that_was_rolled_back() throws Exception {
        mailPolicyTo("ops@example.test");
        List<Long> ids = servers("MLFL", 3, 45001);
        host(ids.getFirst()).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary failed = runToEnd(ChangeDraft.now(ids, 45032, "fails", null,
                new ChangeDraft.Waves(0, 1, 1, 0)));
        assertThat(failed.state()).isEqualTo(ChangeState.FAILED);

        MimeMessage mail = onlyMail();
        assertThat(mail.getSubject()).isEqualTo("[CalCon] Rollout #" + failed.id() + " failed: port 45032");
        assertThat((String) mail.getContent()).contains("Hosts that failed or need attention:",
                "- MLFL-0001: Rolled back. Restart service: the service did not come back: ", "Why it ended: ",
                "skipped 2", "- MLFL-0001: ロールバック済み。サービスの再起動: サービスが再開しませんでした: ")
                .as("the stored message is rendered, in each language").doesNotContain("{\"code\"");
    }

    @Test
    void a_host_that_needs_attention_is_mailed_at_once_while_the_rollout_goes_on() throws Exception {
        mailPolicyTo("ops@example.test");
        List<Long> ids = servers("MLAT", 2, 45001);
        host(ids.getFirst()).failStartsAlways(WindowsErrors.ERROR_PROCESS_ABORTED);
        host(ids.getLast()).setServiceTimings(Duration.ofSeconds(3), Duration.ofSeconds(3));
        ChangeSummary submitted = submit(ChangeDraft.now(ids, 45035, "attention", null,
                new ChangeDraft.Waves(0, 2, 1, 5)));
        approve(submitted.id());

        MimeMessage first = rolloutMails(1).getFirst();
        assertThat(first.getSubject()).isEqualTo("[CalCon] Rollout #" + submitted.id() + " needs attention: port 45035");
        assertThat((String) first.getContent()).contains("The rollout is still running", "- MLAT-0001: Needs attention.");

        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        assertThat((String) rolloutMails(2).get(1).getContent()).doesNotContain("still running")
                .contains("Done 1", "need attention 1");
    }

    @Test
    void without_addresses_in_the_policy_no_mail_is_sent() throws Exception {
        mailPolicyTo();
        List<Long> ids = servers("MLNO", 1, 45001);
        runToEnd(ChangeDraft.now(ids, 45033, "quiet", null, new ChangeDraft.Waves(0, 5, 2, 0)));

        assertThat(smtp.waitForIncomingEmail(1_500, 1)).isFalse();
    }

    @Test
    void a_mail_server_that_is_down_does_not_hold_up_the_rollout_and_the_failure_is_audited() throws Exception {
        mailPolicyTo("ops@example.test");
        List<Long> ids = servers("MLDN", 1, 45001);
        smtp.stop();
        try {
            ChangeSummary done = runToEnd(ChangeDraft.now(ids, 45034, "smtp down", null,
                    new ChangeDraft.Waves(0, 5, 2, 0)));
            assertThat(done.state()).isEqualTo(ChangeState.DONE);
            await("the mail failure audited").atMost(Duration.ofSeconds(60))
                    .until(() -> changeHistory(done.id()).stream()
                            .anyMatch(e -> e.getAction() == AuditAction.NOTIFICATION_FAILED
                                    && NOT_SENT.equals(e.getReason())));
        } finally {
            smtp = LocalSmtp.start(SMTP_PORT);
        }
    }

    private ChangeSummary runToEnd(ChangeDraft draft) {
        ChangeSummary submitted = submit(draft);
        approve(submitted.id());
        return awaitFinished(submitted.id());
    }

    private MimeMessage onlyMail() {
        rolloutMails(1);
        sleep(1_000); // time for a second mail that must not come
        List<MimeMessage> received = rolloutMails(1);
        assertThat(received).as("one mail, with every address on it").hasSize(recipients(received.getFirst()));
        return received.getFirst();
    }

    /** The rollout mails received, once there are {@code count}; the mail asking for approval is not one of them. */
    private static List<MimeMessage> rolloutMails(int count) {
        return await(count + " rollout mails").atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(mail -> subject(mail).startsWith("[CalCon] Rollout ")).toList(),
                        mails -> mails.size() >= count);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static int recipients(MimeMessage mail) {
        try {
            return mail.getAllRecipients().length;
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
