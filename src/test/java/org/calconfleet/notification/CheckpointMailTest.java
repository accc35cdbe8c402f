package org.calconfleet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import org.calconfleet.audit.AuditCheckpoint;
import org.calconfleet.audit.AuditCheckpoints;
import org.calconfleet.testdb.DatabaseTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A signed checkpoint leaves the console by mail too, through an in-process SMTP server (GreenMail). */
@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class CheckpointMailTest {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final GreenMail smtp = LocalSmtp.start(SMTP_PORT);

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
        properties.add("calcon.mail.from", () -> "calcon@example.test");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    @WithMockUser(username = "audrey", roles = "AUDITOR")
    void a_checkpoint_is_mailed_to_the_policy_addresses_with_its_signed_text() throws Exception {
        jdbc.update("update port_policy set notify_addresses = 'audit@example.test,ciso@example.test' where id = 1");

        AuditCheckpoint checkpoint = checkpoints.writeNow();

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(mail.getAllRecipients()).map(Address::toString))
                .containsExactlyInAnyOrder("audit@example.test", "ciso@example.test");
        assertThat(mail.getSubject()).isEqualTo("[CalCon] Audit checkpoint #" + checkpoint.number() + ": entry #"
                + checkpoint.seq());
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).contains(checkpoint.text().strip(),
                "監査証跡のチェックポイント");
    }
}
