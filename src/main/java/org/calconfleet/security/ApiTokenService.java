package org.calconfleet.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: made by a signed-in user for themselves, shown once, kept as a SHA-256 hash, revoked by their
 * owner or an administrator. A token always acts as its owner with the owner's role at the time of the request.
 * Making and revoking are audited; refused uses are counted per address into the trail ({@link RefusalTally}).
 */
@Service
public class ApiTokenService {

    /** Marks our tokens, so secret scanners and people can tell them from other credentials. */
    public static final String PREFIX = "ccf_";
    private static final int SECRET_BYTES = 32;
    /** Last use is kept to the minute: a script calling every second should not write the row every second. */
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final AuditTrail audit;
    private final RefusalTally refusals;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(ApiTokenRepository tokens, AppUserRepository users, AuditTrail audit, RefusalTally refusals,
            Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** A new token for the signed-in user; {@code expiresAt} null means it never expires. */
    @PermitAll
    @Transactional
    public IssuedApiToken create(String name, @Nullable Instant expiresAt) {
        String cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > ApiToken.NAME_MAX_LENGTH) {
            throw new ApiTokenRejectedException("name", "api.token.name.invalid");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ApiTokenRejectedException("expiresAt", "api.token.expiry.past");
        }
        AppUser owner = CurrentUser.username().flatMap(users::findByUsername)
                .orElseThrow(() -> new AccessDeniedException("only a console user can have API tokens"));
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(owner, cleanName, hash(secret), now, expiresAt));
        audit.record(AuditEvent.of(owner.getUsername(), AuditAction.API_TOKEN_CREATED, subject(owner))
                .change(null, describe(token)));
        return new IssuedApiToken(ApiTokenInfo.of(token), secret);
    }

    /** The signed-in user's tokens that are not revoked, newest first (expired ones included, to be cleared). */
    @PermitAll
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> mine() {
        return CurrentUser.username().map(tokens::findActiveOf).orElse(List.of()).stream()
                .map(ApiTokenInfo::of).toList();
    }

    /** Everyone's tokens that are not revoked, by owner. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<ApiTokenInfo> everyone() {
        return tokens.findAllActive().stream().map(ApiTokenInfo::of).toList();
    }

    /** Revokes one of the signed-in user's tokens, or, for an administrator, anyone's. */
    @PermitAll
    @Transactional
    public void revoke(long id) {
        String actor = CurrentUser.username()
                .orElseThrow(() -> new AccessDeniedException("revoking needs a signed-in user"));
        ApiToken token = tokens.findById(id).orElseThrow(() -> new ApiTokenRejectedException("id", "api.token.unknown"));
        boolean own = token.owner().getUsername().equals(actor);
        if (!own && CurrentUser.role().orElse(null) != Role.ADMIN) {
            throw new AccessDeniedException("not your token");
        }
        if (token.revokedAt() != null) {
            return;
        }
        token.revoke(clock.instant(), actor);
        audit.record(AuditEvent.of(actor, AuditAction.API_TOKEN_REVOKED, subject(token.owner()))
                .change(describe(token), null));
    }

    /**
     * Checks a presented bearer token; called before anyone is authenticated. A refusal is counted by the address it
     * came from ({@link RefusalTally}: the first of a window is audited at once, the others together when it ends).
     */
    @PermitAll
    @Transactional
    public ApiTokenCheck authenticate(String presented, String remoteAddress) {
        Optional<ApiToken> found = presented.startsWith(PREFIX) ? tokens.findByTokenHash(hash(presented))
                : Optional.empty();
        if (found.isEmpty()) {
            return refuse(null, ApiTokenCheck.Reason.UNKNOWN, remoteAddress);
        }
        ApiToken token = found.get();
        Instant now = clock.instant();
        if (token.revokedAt() != null) {
            return refuse(token, ApiTokenCheck.Reason.REVOKED, remoteAddress);
        }
        if (token.isExpiredAt(now)) {
            return refuse(token, ApiTokenCheck.Reason.EXPIRED, remoteAddress);
        }
        AppUser owner = token.owner();
        if (!owner.isEnabled()) {
            return refuse(token, ApiTokenCheck.Reason.OWNER_DISABLED, remoteAddress);
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY))) {
            token.used(now);
        }
        return new ApiTokenCheck.Accepted(owner.getUsername(), owner.getRole(), owner.getSites());
    }

    private ApiTokenCheck refuse(@Nullable ApiToken token, ApiTokenCheck.Reason reason, String remoteAddress) {
        String actor = token == null ? "anonymous" : token.owner().getUsername();
        String subject = token == null ? AuditSubject.UNKNOWN_API_TOKEN : subject(token.owner());
        StoredMessage presented = token == null ? StoredMessage.of("security.value.unknownToken") : describe(token);
        refusals.refused(RefusalTally.Kind.API_TOKEN, remoteAddress,
                reason.name() + " " + (token == null ? actor : subject + " #" + token.id()),
                AuditEvent.of(actor, AuditAction.API_TOKEN_REFUSED, subject)
                        .change(null, StoredMessage.of("security.value.tokenFrom", StoredMessage.inner(presented),
                                StoredMessage.verbatim(remoteAddress)))
                        .because(StoredMessage.of("security.reason.tokenRefused",
                                new StoredMessage.Choice(reason.messageKey()))));
        return new ApiTokenCheck.Refused(reason);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String subject(AppUser owner) {
        return AuditSubject.user(owner.getUsername());
    }

    private static StoredMessage describe(ApiToken token) {
        Instant expiresAt = token.expiresAt();
        return expiresAt == null
                ? StoredMessage.of("security.value.token", StoredMessage.port(token.id()),
                        StoredMessage.verbatim(token.name()))
                : StoredMessage.of("security.value.tokenExpiring", StoredMessage.port(token.id()),
                        StoredMessage.verbatim(token.name()), StoredMessage.at(expiresAt));
    }
}
