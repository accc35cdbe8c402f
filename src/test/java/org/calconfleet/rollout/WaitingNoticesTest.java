package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.drift.DriftScan;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.notification.LocalSmtp;
import org.calconfleet.notification.WebhookReceiver.Received;
import org.calconfleet.notification.WebhookReceiver;
import org.calconfleet.notification.WebhookSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What waits for someone is told by mail (GreenMail) and by a signed webhook (a JDK HTTP server on loopback): a
 * change waiting for approval, servers newly in drift.
 */
class WaitingNoticesTest extends RolloutTestBase {

    /** The notice as the audit trail names it, by its label key. */
    private static final StoredMessage AWAITING_APPROVAL = StoredMessage.of("notification.value.event",
            new StoredMessage.Choice("notification.event.change.awaiting-approval"));

    private static final String SECRET = "a-shared-secret-of-the-receiver";
    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final GreenMail smtp = LocalSmtp.start(SMTP_PORT);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ChangeDraft.Waves WAVES = new ChangeDraft.Waves(0, 5, 2, 0);

    @Autowired
    WebhookSettings webhooks;
    @Autowired
    DriftScan scan;

    private WebhookReceiver receiver;

    @DynamicPropertySource
    static void mailAndWebhook(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("calcon.public-url", () -> "https://calcon.example.test");
        properties.add("calcon.webhook.backoff", () -> "50ms");
    }

    @BeforeEach
    void receive() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        receiver = new WebhookReceiver();
        useWebhook(receiver.url());
    }

    @AfterEach
    void stopReceiving() {
        receiver.close();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_change_waiting_for_approval_is_mailed_and_posted_signed_with_the_shared_secret() throws Exception {
        mailPolicyTo("approvers@example.test");
        List<Long> ids = servers("WNA", 2, 45001);
        ChangeSummary submitted = submit(ChangeDraft.now(ids, 45041, "pin for the firewall", "CHG-77", WAVES));
        assertThat(submitted.state()).isEqualTo(ChangeState.PENDING_APPROVAL);

        Received call = receiver.await(1, about(submitted.id()), WAIT).getFirst();
        assertThat(call.body()).contains("\"event\":\"change.awaiting-approval\"", "\"ports\":[45041]",
                "\"hostName\":\"WNA-0001\"", "\"hostName\":\"WNA-0002\"", "\"requestedBy\":\"oscar\"",
                "\"link\":\"https://calcon.example.test/jobs/" + submitted.id() + "\"").doesNotContain(SECRET);
        assertThat(Instant.parse(field(call.body(), "time"))).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        assertSigned(call);

        MimeMessage mail = mail(m -> subject(m).equals("[CalCon] Change #" + submitted.id()
                + " waits for approval: 2 hosts"));
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("approvers@example.test");
        assertThat((String) mail.getContent()).contains("Reason: pin for the firewall", "Ticket: CHG-77",
                "Requested by oscar.", "- WNA-0001: port 45041",
                "Open the change: https://calcon.example.test/jobs/" + submitted.id(),
                "変更 #" + submitted.id() + " が承認待ちです: ホスト 2 台", "- WNA-0002: ポート 45041", "申請者 oscar");
        awaitAudited(submitted.id(), AuditAction.NOTIFICATION_SENT);
        assertThat(changeHistory(submitted.id())).filteredOn(e -> e.getAction() == AuditAction.NOTIFICATION_SENT)
                .extracting(AuditEntry::getReason).containsExactly(AWAITING_APPROVAL.toJson());
    }

    @Test
    void a_receiver_that_fails_twice_gets_the_notice_on_the_third_attempt() {
        receiver.answer(500, 500);
        List<Long> ids = servers("WNR", 1, 45001);
        ChangeSummary submitted = submit(ChangeDraft.now(ids, 45042, "retried", null, WAVES));

        List<Received> calls = receiver.await(3, about(submitted.id()), WAIT);
        assertThat(calls).hasSize(3).allSatisfy(WaitingNoticesTest::assertSigned);
        assertThat(calls).extracting(Received::body).containsOnly(calls.getFirst().body());
        sleep(500); // time for a fourth call that must not come
        assertThat(receiver.received()).filteredOn(about(submitted.id())).hasSize(3);
        awaitAuditDrained();
        assertThat(changeHistory(submitted.id())).extracting(AuditEntry::getAction)
                .doesNotContain(AuditAction.WEBHOOK_FAILED);
    }

    @Test
    void a_receiver_that_is_down_is_audited_and_the_change_goes_on_as_if_nothing_happened() {
        useWebhook("http://127.0.0.1:" + LocalSmtp.freePort() + "/hook");
        List<Long> ids = servers("WND", 1, 45001);
        ChangeSummary submitted = submit(ChangeDraft.now(ids, 45043, "nobody listens", null, WAVES));
        assertThat(submitted.state()).isEqualTo(ChangeState.PENDING_APPROVAL);

        AuditEntry failed = awaitAudited(submitted.id(), AuditAction.WEBHOOK_FAILED);
        assertThat(failed.getAfter()).isEqualTo(AWAITING_APPROVAL.toJson());
        assertThat(failed.getReason()).isEqualTo(StoredMessage.of("notification.reason.webhookFailed",
                StoredMessage.count(3), StoredMessage.inner(StoredMessage.of("notification.value.error",
                        StoredMessage.verbatim("ConnectException")))).toJson());
        approve(submitted.id());
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
    }

    @Test
    void servers_newly_in_drift_are_mailed_and_posted_once_not_at_every_scan() throws Exception {
        mailPolicyTo("ops@example.test");
        List<Long> ids = servers("WNDR", 2, 45001);
        ports(host(ids.getFirst()), 45003);

        scan.scan();
        Predicate<Received> drift = call -> call.body().contains("\"event\":\"drift.new\"")
                && call.body().contains("WNDR-0001");
        Received call = receiver.await(1, drift, WAIT).getFirst();
        assertThat(call.body()).contains("\"desiredPort\":45001", "\"observed\":\"45003/45003\"",
                "\"serverId\":" + ids.getFirst()).doesNotContain("WNDR-0002");
        assertSigned(call);
        MimeMessage mail = mail(m -> subject(m).startsWith("[CalCon] Drift: ") && body(m).contains("WNDR-0001"));
        assertThat(body(mail)).contains("- WNDR-0001: desired 45001, observed 45003/45003",
                "- WNDR-0001: 目的 45001、観測 45003/45003").doesNotContain("WNDR-0002");

        scan.scan();
        sleep(1_000); // time for a second notice that must not come
        assertThat(receiver.received()).filteredOn(drift).as("still the same drift: nothing new").hasSize(1);
        assertThat(smtp.getReceivedMessages()).filteredOn(m -> body(m).contains("WNDR-0001")).hasSize(1);
    }

    private void useWebhook(String url) {
        Users.as("admin", Role.ADMIN, () -> webhooks.save(url, SECRET));
    }

    private static Predicate<Received> about(long changeId) {
        return call -> call.body().contains("\"changeId\":" + changeId + ",");
    }

    /** The receiver's side: HMAC-SHA256 over "{timestamp}.{body}" with the shared secret, in hex. */
    private static void assertSigned(Received call) {
        String timestamp = call.header("X-CalCon-Timestamp");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + call.body()).getBytes(StandardCharsets.UTF_8)));
            assertThat(call.header("X-CalCon-Signature")).isEqualTo(expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static void ports(SimulatedWindowsHost host, int port) {
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.dword(port));
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE,
                RegistryValue.dword(port));
    }

    private AuditEntry awaitAudited(long changeId, AuditAction action) {
        return await("audited " + action).atMost(WAIT)
                .until(() -> changeHistory(changeId).stream().filter(e -> e.getAction() == action).findFirst(),
                        Optional::isPresent).orElseThrow();
    }

    private static MimeMessage mail(Predicate<MimeMessage> matching) {
        return await("mail arrived").atMost(WAIT)
                .until(() -> Arrays.stream(smtp.getReceivedMessages()).filter(matching).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String body(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }
}
