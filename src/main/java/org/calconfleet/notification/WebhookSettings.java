package org.calconfleet.notification;

import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.credential.SecretSeal;
import org.calconfleet.credential.SecretSeal.SealedSecret;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy's outgoing webhook: a URL and a shared secret that signs each delivery. The secret is sealed by the
 * credential vault and is write-only for people: a screen learns only whether one is set, the audit trail only that
 * it was replaced. Only {@link WebhookDelivery} opens it.
 */
@Service
public class WebhookSettings {

    public static final int URL_MAX = 2000;
    public static final int SECRET_MIN = 16;
    public static final int SECRET_MAX = 500;
    static final String SUBJECT = AuditSubject.WEBHOOK;
    private static final int POLICY_ID = 1;
    private static final String SEALING_CONTEXT = "calcon-webhook-secret\npolicy:" + POLICY_ID;
    private static final List<String> SCHEMES = List.of("https", "http");

    private final JdbcTemplate jdbc;
    private final SecretSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    WebhookSettings(JdbcTemplate jdbc, SecretSeal seal, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public WebhookSettingsView current() {
        return stored().map(row -> new WebhookSettingsView(row.url(), true, row.changedBy(), row.changedAt()))
                .orElse(WebhookSettingsView.NONE);
    }

    /**
     * Stores the URL and, when {@code secret} is not blank, a new secret; a blank secret keeps the one set. A blank
     * URL removes the webhook and its secret.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public WebhookSettingsView save(String url, String secret) {
        String user = CurrentUser.usernameOrSystem();
        Optional<Stored> before = stored();
        String newUrl = url.strip();
        if (newUrl.isEmpty()) {
            before.ifPresent(old -> {
                jdbc.update("delete from policy_webhook where policy_id = ?", POLICY_ID);
                audit.record(AuditEvent.of(user, AuditAction.WEBHOOK_CHANGED, SUBJECT).change(url(old.url()), null)
                        .because(StoredMessage.of("notification.reason.secretRemoved")));
            });
            return WebhookSettingsView.NONE;
        }
        urlRefusal(newUrl).ifPresent(key -> {
            throw new WebhookRefusedException(key, URL_MAX);
        });
        String newSecret = secret.strip();
        if (newSecret.isEmpty() && before.isEmpty()) {
            throw new WebhookRefusedException("webhook.error.secret-required", SECRET_MIN);
        }
        if (!newSecret.isEmpty() && (newSecret.length() < SECRET_MIN || newSecret.length() > SECRET_MAX)) {
            throw new WebhookRefusedException("webhook.error.secret-length", SECRET_MIN, SECRET_MAX);
        }
        SealedSecret sealed = newSecret.isEmpty() ? before.orElseThrow().secret()
                : seal.seal(newSecret, SEALING_CONTEXT);
        Instant now = clock.instant();
        jdbc.update("delete from policy_webhook where policy_id = ?", POLICY_ID);
        jdbc.update("insert into policy_webhook (policy_id, url, secret_key_id, secret_nonce, secret_value, changed_at,"
                        + " changed_by) values (?, ?, ?, ?, ?, ?, ?)", POLICY_ID, newUrl, sealed.keyId(), sealed.nonce(),
                sealed.ciphertext(), Timestamp.from(now), user);
        audit.record(AuditEvent.of(user, AuditAction.WEBHOOK_CHANGED, SUBJECT)
                .change(before.map(Stored::url).map(WebhookSettings::url).orElse(null), url(newUrl))
                .because(StoredMessage.of(newSecret.isEmpty() ? "notification.reason.secretKept"
                        : "notification.reason.secretReplaced")));
        return new WebhookSettingsView(newUrl, true, user, now);
    }

    private static StoredMessage url(String url) {
        return StoredMessage.of("notification.value.url", StoredMessage.verbatim(url));
    }

    /** The message key refusing a webhook URL: an absolute http or https URL with a host and no user name in it. */
    public static Optional<String> urlRefusal(String url) {
        if (url.length() > URL_MAX) {
            return Optional.of("webhook.error.url-length");
        }
        try {
            URI uri = new URI(url);
            boolean web = uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
            if (!web || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return Optional.of("webhook.error.url");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("webhook.error.url");
        }
    }

    /** Where to deliver, with the secret in clear: for {@link WebhookDelivery} only. */
    Optional<WebhookTarget> target() {
        return stored().map(row -> new WebhookTarget(URI.create(row.url()), seal.open(row.secret(), SEALING_CONTEXT)));
    }

    private Optional<Stored> stored() {
        return jdbc.query("select url, secret_key_id, secret_nonce, secret_value, changed_by, changed_at"
                        + " from policy_webhook where policy_id = ?",
                (row, n) -> new Stored(row.getString(1), new SealedSecret(row.getString(2), row.getString(3),
                        row.getString(4)), row.getString(5), row.getTimestamp(6).toInstant()), POLICY_ID)
                .stream().findFirst();
    }

    private record Stored(String url, SealedSecret secret, String changedBy, Instant changedAt) {
    }

    /** A webhook's address and secret; its text names the address only. */
    record WebhookTarget(URI url, String secret) {

        @Override
        public String toString() {
            return "WebhookTarget[" + url + "]";
        }
    }
}
