package org.calconfleet.notification;

import jakarta.mail.MessagingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.change.ChangeAwaitingApproval;
import org.calconfleet.drift.DriftFound;
import org.calconfleet.policy.PolicyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells people what waits for them: a change that waits for approval (once its submit has committed) and servers a
 * drift scan found newly in drift. Each goes by mail to the policy's notification addresses and to the policy's
 * webhook, both on threads of their own; neither can fail the submit or the scan. Mail sent or failed is audited
 * with the notice's code, not its words.
 */
@Component
class WaitingNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WaitingNotices.class);
    static final String CHANGE_AWAITING_APPROVAL = "change.awaiting-approval";
    static final String DRIFT_NEW = "drift.new";
    static final String DRIFT_SUBJECT = AuditSubject.DRIFT_SCAN;

    private final PolicyService policy;
    private final Mailbox mail;
    private final WaitingMailText text;
    private final RolloutMailText links;
    private final AuditTrail audit;
    private final WebhookDelivery webhook;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual()
            .name("waiting-mail").factory());

    WaitingNotices(PolicyService policy, Mailbox mail, WaitingMailText text, RolloutMailText links, AuditTrail audit,
            WebhookDelivery webhook) {
        this.policy = policy;
        this.mail = mail;
        this.text = text;
        this.links = links;
        this.audit = audit;
        this.webhook = webhook;
    }

    @TransactionalEventListener
    void awaiting(ChangeAwaitingApproval change) {
        safely(AuditSubject.change(change.changeId()), () -> awaitingNotice(change));
    }

    @EventListener
    void driftFound(DriftFound drift) {
        safely(DRIFT_SUBJECT, () -> driftNotice(drift));
    }

    private void awaitingNotice(ChangeAwaitingApproval change) {
        String subject = AuditSubject.change(change.changeId());
        Map<String, Object> notice = notice(CHANGE_AWAITING_APPROVAL, change.at().toString());
        notice.put("changeId", change.changeId());
        notice.put("requestedBy", change.requestedBy());
        notice.put("reason", change.reason());
        notice.put("ticket", change.ticket());
        notice.put("ports", change.hosts().stream().map(ChangeAwaitingApproval.Host::port).distinct().sorted()
                .toList());
        notice.put("hosts", change.hosts().stream().map(host -> Map.of("serverId", host.serverId(),
                "hostName", host.hostName(), "port", host.port())).toList());
        notice.put("link", links.link(change.changeId()));
        webhook.deliver(CHANGE_AWAITING_APPROVAL, subject, notice);
        mail(CHANGE_AWAITING_APPROVAL, subject, () -> text.subject(change), () -> text.body(change));
    }

    private void driftNotice(DriftFound drift) {
        Map<String, Object> notice = notice(DRIFT_NEW, drift.at().toString());
        notice.put("hosts", drift.servers().stream().map(server -> {
            Map<String, Object> host = new LinkedHashMap<>();
            host.put("serverId", server.serverId());
            host.put("hostName", server.hostName());
            host.put("desiredPort", server.desiredPort());
            host.put("observed", server.observed());
            return host;
        }).toList());
        webhook.deliver(DRIFT_NEW, DRIFT_SUBJECT, notice);
        mail(DRIFT_NEW, DRIFT_SUBJECT, () -> text.subject(drift), () -> text.body(drift));
    }

    private static void safely(String subject, Runnable notice) {
        try {
            notice.run();
        } catch (RuntimeException e) {
            log.warn("The notice about {} failed", subject, e);
        }
    }

    private static Map<String, Object> notice(String event, String time) {
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("event", event);
        notice.put("time", time);
        return notice;
    }

    private void mail(String code, String subject, Supplier<String> mailSubject,
            Supplier<String> body) {
        if (!mail.configured()) {
            return;
        }
        sender.execute(() -> {
            List<String> to = List.of();
            try {
                to = policy.enforced().notifyAddresses();
                if (to.isEmpty()) {
                    return;
                }
                mail.send(to, mailSubject.get(), body.get());
                audit.record(AuditEvent.of("system", AuditAction.NOTIFICATION_SENT, subject)
                        .change(null, NoticeValues.to(to)).because(NoticeValues.event(code)));
            } catch (MailException | MessagingException e) {
                log.warn("The e-mail {} about {} was not sent: {}", code, subject, e.toString());
                audit.record(AuditEvent.of("system", AuditAction.NOTIFICATION_FAILED, subject)
                        .change(null, NoticeValues.to(to)).because(NoticeValues.notSent(NoticeValues.event(code), e)));
            } catch (RuntimeException e) {
                log.warn("The e-mail {} about {} failed", code, subject, e);
            }
        });
    }

    @Override
    public void destroy() {
        sender.shutdown();
    }
}
