package org.calconfleet.notification;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.notification.WebhookSettings.WebhookTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a notice as JSON to the policy's webhook, signed (see {@link WebhookSignature}), on threads of its own: a
 * receiver that is slow, down or failing never holds up the change or the scan that caused the notice. A delivery that
 * is not answered 2xx is tried again after a backoff that doubles ({@code calcon.webhook.attempts},
 * {@code calcon.webhook.backoff}); the last failure is audited as WEBHOOK_FAILED. Deliveries wait in memory, at most
 * {@code calcon.webhook.max-pending} of them: a console that stops drops the ones not yet delivered.
 */
@Component
class WebhookDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);
    static final String EVENT_HEADER = "X-CalCon-Event";

    private final WebhookSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;
    private final Semaphore pending;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, Thread.ofPlatform()
            .name("webhook-", 0).daemon(true).factory());

    WebhookDelivery(WebhookSettings settings, AuditTrail audit, Clock clock,
            @Value("${calcon.webhook.attempts:3}") int attempts,
            @Value("${calcon.webhook.backoff:2s}") Duration backoff,
            @Value("${calcon.webhook.timeout:10s}") Duration timeout,
            @Value("${calcon.webhook.max-pending:100}") int maxPending) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.pending = new Semaphore(Math.max(1, maxPending));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Hands the notice to the webhook threads; {@code subject} names it in the audit trail should it fail. */
    void deliver(String event, String subject, Map<String, Object> notice) {
        Delivery delivery = new Delivery(event, subject, json.writeValueAsString(notice));
        if (!pending.tryAcquire()) {
            failed(delivery, 0, StoredMessage.of("notification.value.queueFull"));
            return;
        }
        scheduler.execute(() -> attempt(delivery, 1));
    }

    private void attempt(Delivery delivery, int attempt) {
        StoredMessage outcome;
        try {
            var target = settings.target();
            if (target.isEmpty()) {
                pending.release();
                return;
            }
            int status = post(target.get(), delivery);
            if (status / 100 == 2) {
                log.info("Webhook {} about {} delivered (attempt {}, HTTP {})", delivery.event(), delivery.subject(),
                        attempt, status);
                pending.release();
                return;
            }
            outcome = StoredMessage.of("notification.value.httpStatus", StoredMessage.port(status));
        } catch (IOException | RuntimeException e) {
            outcome = NoticeValues.error(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.release();
            failed(delivery, attempt, StoredMessage.of("notification.value.interrupted"));
            return;
        }
        log.warn("Webhook {} about {} not delivered (attempt {} of {}): {}", delivery.event(), delivery.subject(),
                attempt, attempts, outcome.code());
        if (attempt >= attempts) {
            pending.release();
            failed(delivery, attempt, outcome);
            return;
        }
        long delay = backoff.toMillis() << (attempt - 1);
        StoredMessage last = outcome;
        try {
            scheduler.schedule(() -> attempt(delivery, attempt + 1), delay, TimeUnit.MILLISECONDS);
        } catch (RuntimeException stopping) {
            pending.release();
            failed(delivery, attempt, last);
        }
    }

    private int post(WebhookTarget target, Delivery delivery) throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(EVENT_HEADER, delivery.event())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp,
                        delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private void failed(Delivery delivery, int attempt, StoredMessage outcome) {
        try {
            audit.record(AuditEvent.of("system", AuditAction.WEBHOOK_FAILED, delivery.subject())
                    .change(null, NoticeValues.event(delivery.event()))
                    .because(StoredMessage.of("notification.reason.webhookFailed", StoredMessage.count(attempt),
                            StoredMessage.inner(outcome))));
        } catch (RuntimeException e) {
            log.warn("The failed webhook {} about {} was not audited", delivery.event(), delivery.subject(), e);
        }
    }

    private record Delivery(String event, String subject, String body) {
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
        http.close();
    }
}
