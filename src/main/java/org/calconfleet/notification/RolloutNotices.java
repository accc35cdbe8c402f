package org.calconfleet.notification;

import jakarta.mail.MessagingException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.RolloutProgressEvent;
import org.calconfleet.rollout.RolloutReports.RolloutReport;
import org.calconfleet.rollout.RolloutReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Mails the policy's notification addresses when a rollout ends and when one of its hosts first needs attention
 * while it still runs. Progress events arrive on the engine's threads after its commits; the work is handed to a
 * thread of its own at once. Of several console nodes (or repeated events) only the one that first records a notice
 * in the database sends it. Mail is off while no SMTP server is configured ({@code spring.mail.host}).
 */
@Component
class RolloutNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RolloutNotices.class);
    static final int MAX_HOSTS_LISTED = 50;
    private static final Set<ChangeState> ENDED = EnumSet.of(ChangeState.DONE, ChangeState.FAILED,
            ChangeState.CANCELLED);

    /** What is mailed at most once per rollout. */
    enum Notice {
        END, ATTENTION
    }

    private final RolloutReports reports;
    private final PolicyService policy;
    private final Mailbox mail;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final RolloutMailText text;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("rollout-mail").factory());

    RolloutNotices(RolloutReports reports, PolicyService policy, Mailbox mail, AuditTrail audit, JdbcTemplate jdbc,
            Clock clock, RolloutMailText text) {
        this.reports = reports;
        this.policy = policy;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.text = text;
    }

    @EventListener
    void progressed(RolloutProgressEvent event) {
        boolean noticeable = event.hostRunId() == null || event.state() == HostRunState.NEEDS_ATTENTION;
        if (!noticeable || !mail.configured()) {
            return;
        }
        if (event.hostRunId() == null) {
            sender.execute(() -> safely(event.rolloutId(), this::endNotice));
        } else if (event.state() == HostRunState.NEEDS_ATTENTION) {
            sender.execute(() -> safely(event.rolloutId(), this::attentionNotice));
        }
    }

    private void endNotice(long rolloutId) {
        reports.report(rolloutId, ENDED, MAX_HOSTS_LISTED).filter(r -> ranOrWasApproved(r.summary()))
                .ifPresent(r -> send(r, Notice.END, RolloutOutcome.of(r.summary())));
    }

    private void attentionNotice(long rolloutId) {
        reports.report(rolloutId, EnumSet.of(ChangeState.RUNNING), MAX_HOSTS_LISTED)
                .ifPresent(r -> send(r, Notice.ATTENTION, RolloutOutcome.NEEDS_ATTENTION));
    }

    /** A change withdrawn before anyone approved it never was a rollout. */
    private static boolean ranOrWasApproved(ChangeSummary rollout) {
        return rollout.state() != ChangeState.CANCELLED || rollout.decidedAt() != null;
    }

    private void send(RolloutReport report, Notice notice, RolloutOutcome outcome) {
        List<String> to = policy.enforced().notifyAddresses();
        long id = report.summary().id();
        if (to.isEmpty() || !mail.configured() || !claim(id, notice)) {
            return;
        }
        // The trail keeps what was sent as a code, rendered in each reader's language, never the mail's English.
        StoredMessage sent = StoredMessage.of("notification.reason.rollout",
                new StoredMessage.Choice("notification.notice." + notice.name().toLowerCase(Locale.ROOT)),
                new StoredMessage.Choice("notification.outcome." + outcome.name().toLowerCase(Locale.ROOT)));
        try {
            mail.send(to, text.subject(report, outcome), text.body(report, outcome));
            audit.record(AuditEvent.of("system", AuditAction.NOTIFICATION_SENT, AuditSubject.change(id))
                    .change(null, NoticeValues.to(to)).because(sent));
        } catch (MailException | MessagingException e) {
            log.warn("The e-mail about rollout {} was not sent: {}", id, e.toString());
            audit.record(AuditEvent.of("system", AuditAction.NOTIFICATION_FAILED, AuditSubject.change(id))
                    .change(null, NoticeValues.to(to)).because(NoticeValues.notSent(sent, e)));
        }
    }

    private boolean claim(long rolloutId, Notice notice) {
        try {
            jdbc.update("insert into rollout_notification (change_request_id, notice, claimed_at) values (?, ?, ?)",
                    rolloutId, notice.name(), Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    private static void safely(long rolloutId, LongConsumer notice) {
        try {
            notice.accept(rolloutId);
        } catch (RuntimeException e) {
            log.warn("The notice about rollout {} failed", rolloutId, e);
        }
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
