package org.calconfleet.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.calconfleet.audit.AuditBatch;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * RFC 5425: the trail goes over TLS to a receiver whose self-signed certificate (made with keytool in the test) is in
 * the configured trust store, and never to an impostor on the same port with a certificate of its own.
 */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class SyslogOverTlsTest {

    private static final int PORT = SyslogReceiver.freePort();
    private static final Path FOLDER = folder();
    private static final Path RECEIVER_KEYS = keyStore("siem");
    private static final Path IMPOSTOR_KEYS = keyStore("impostor");
    private static final SyslogReceiver receiver = new SyslogReceiver(PORT, serverContext(RECEIVER_KEYS)).start();

    @Autowired
    AuditBatch audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditForwardingHealth health;

    @DynamicPropertySource
    static void syslog(DynamicPropertyRegistry properties) throws Exception {
        Path trust = SelfSignedCertificates.trustStoreFor(RECEIVER_KEYS, FOLDER);
        ForwardingChecks.forwardTo(properties, PORT, true);
        properties.add("calcon.siem.syslog.trust-store", trust::toString);
        properties.add("calcon.siem.syslog.trust-store-password", () -> SelfSignedCertificates.PASSWORD);
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @Test
    void entries_go_over_tls_to_the_receiver_the_trust_store_vouches_for_and_wait_while_an_impostor_listens() {
        ForwardingChecks checks = new ForwardingChecks(audit, jdbc);
        checks.awaitForwarded();
        long before = checks.head();

        checks.record(12, "T");
        checks.awaitForwarded();
        receiver.stop();
        SyslogReceiver impostor = new SyslogReceiver(PORT, serverContext(IMPOSTOR_KEYS)).start();
        try {
            checks.record(8, "U");
            await().atMost(Duration.ofSeconds(20)).until(() -> "TLS".equals(
                    health.health().getDetails().get("lastFailure")));
            assertThat(impostor.accepted()).isPositive();
            assertThat(impostor.messages()).isEmpty();
            assertThat(checks.forwarded()).isEqualTo(before + 12);
        } finally {
            impostor.stop();
        }
        receiver.start();
        checks.awaitForwarded();

        assertThat(health.health().getDetails()).containsEntry("target", "tls://127.0.0.1:" + PORT);
        checks.assertEveryEntryArrivedInOrder(receiver.messages(), before);
    }

    private static Path folder() {
        try {
            return Files.createTempDirectory("calcon-siem-tls");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path keyStore(String name) {
        try {
            return SelfSignedCertificates.receiverKeyStore(FOLDER, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static javax.net.ssl.SSLContext serverContext(Path keyStore) {
        try {
            return SelfSignedCertificates.serverContext(keyStore);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
