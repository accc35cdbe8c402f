package org.calconfleet.notification;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.calconfleet.audit.AuditCheckpoint;
import org.calconfleet.audit.AuditCheckpointWritten;
import org.calconfleet.i18n.Messages;
import org.calconfleet.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mails each audit checkpoint, once written and committed, to the policy's notification addresses: a copy that
 * neither the database nor the checkpoint folder can take back. Unlike rollout notices, sending is logged, not
 * audited: an audit entry would move the chain's head and so call for the next checkpoint, and its mail, forever.
 */
@Component
class CheckpointNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckpointNotices.class);

    private final PolicyService policy;
    private final Mailbox mail;
    private final Messages messages;
    private final List<Locale> languages;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("checkpoint-mail").factory());

    CheckpointNotices(PolicyService policy, Mailbox mail, Messages messages,
            @Value("${calcon.mail.languages:en,ja}") String languages) {
        this.policy = policy;
        this.mail = mail;
        this.messages = messages;
        this.languages = MailLanguages.parse(languages);
    }

    @TransactionalEventListener
    void written(AuditCheckpointWritten event) {
        if (mail.configured()) {
            sender.execute(() -> send(event.checkpoint()));
        }
    }

    private void send(AuditCheckpoint checkpoint) {
        try {
            List<String> to = policy.enforced().notifyAddresses();
            if (to.isEmpty()) {
                return;
            }
            StringBuilder body = new StringBuilder();
            for (Locale language : languages) {
                body.append(messages.get("mail.checkpoint.body", language, checkpoint.seq())).append("\n\n");
            }
            mail.send(to, messages.get("mail.checkpoint.subject", languages.getFirst(), checkpoint.number(),
                    checkpoint.seq()), body.append(checkpoint.fileName()).append("\n\n").append(checkpoint.text())
                    .toString());
            log.info("Audit checkpoint #{} mailed to {}", checkpoint.number(), to);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Audit checkpoint #{} was not mailed: {}", checkpoint.number(), e.toString());
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
