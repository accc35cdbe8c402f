package org.calconfleet.credential;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's side of the vault: create, rotate, delete, list. Secrets go in and never come out here; the
 * audit trail names the credential and its kind, never its value.
 */
@Service
public class CredentialService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (Credential.NAME_MAX - 1)
            + "}");
    /** {@code DOMAIN\USER}: a domain (or "." for the host's own accounts) and a user, neither empty. */
    private static final Pattern ACCOUNT = Pattern.compile("[^\\\\\\s/]+\\\\[^\\\\\\s/]+");
    private static final int MAX_NAMED_REFERENCES = 5;

    private final CredentialRepository credentials;
    private final Vault vault;
    private final List<CredentialReferences> references;
    private final AuditTrail audit;
    private final Clock clock;

    CredentialService(CredentialRepository credentials, Vault vault, List<CredentialReferences> references,
                      AuditTrail audit, Clock clock) {
        this.credentials = credentials;
        this.vault = vault;
        this.references = references;
        this.audit = audit;
        this.clock = clock;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<CredentialInfo> list() {
        return credentials.findAllByOrderByNameAsc().stream().map(Credential::info).toList();
    }

    /** The names servers may refer to: what the server editor offers and checks. */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional(readOnly = true)
    public List<String> names() {
        return credentials.findNames();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME})
    @Transactional(readOnly = true)
    public Optional<CredentialKind> kindOf(String name) {
        return credentials.findByName(name).map(Credential::getKind);
    }

    /** @param account {@code DOMAIN\USER} for a Windows account, nothing for an agent token */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public CredentialInfo create(String name, CredentialKind kind, @Nullable String account, String secret) {
        return create(name, kind, account, secret, null);
    }

    /** As {@link #create(String, CredentialKind, String, String)}, with the reason the audit entry gives. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public CredentialInfo create(String name, CredentialKind kind, @Nullable String account, String secret,
                                 @Nullable StoredMessage reason) {
        String trimmedName = name.strip();
        String trimmedAccount = account == null || account.isBlank() || kind != CredentialKind.WINDOWS_ACCOUNT
                ? null : account.strip();
        List<CredentialProblem> problems = new ArrayList<>();
        if (!NAME.matcher(trimmedName).matches()) {
            problems.add(CredentialProblem.of("name", "credential.name.invalid", Credential.NAME_MAX));
        } else if (credentials.existsByName(trimmedName)) {
            problems.add(CredentialProblem.of("name", "credential.name.duplicate", trimmedName));
        }
        if (kind == CredentialKind.WINDOWS_ACCOUNT && (trimmedAccount == null
                || trimmedAccount.length() > Credential.ACCOUNT_MAX || !ACCOUNT.matcher(trimmedAccount).matches())) {
            problems.add(CredentialProblem.of("account", "credential.account.invalid"));
        }
        secretProblem(secret).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new CredentialRejectedException(problems);
        }
        Instant now = clock.instant();
        String actor = CurrentUser.usernameOrSystem();
        Credential credential = new Credential(trimmedName, kind, trimmedAccount, actor, now);
        credential.seal(vault.seal(secret, credential.sealingContext()));
        credentials.save(credential);
        audit.record(AuditEvent.of(actor, AuditAction.CREDENTIAL_CREATED, subject(trimmedName))
                .change(null, described(credential)).because(reason));
        return credential.info();
    }

    /** A new secret for the same credential; servers that refer to it use the new one from their next call. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public CredentialInfo rotate(String name, String newSecret) {
        Credential credential = existing(name);
        secretProblem(newSecret).ifPresent(problem -> {
            throw new CredentialRejectedException(problem);
        });
        credential.seal(vault.seal(newSecret, credential.sealingContext()));
        credential.rotated(clock.instant());
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.CREDENTIAL_ROTATED,
                subject(name)).change(null, described(credential)));
        return credential.info();
    }

    /** Refused while anything refers to the credential, naming what does. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void delete(String name) {
        Credential credential = existing(name);
        List<String> users = references.stream().flatMap(r -> r.referringTo(name).stream()).sorted().toList();
        if (!users.isEmpty()) {
            throw new CredentialRejectedException(CredentialProblem.of("name", "credential.inUse", name,
                    users.size(), String.join(", ", users.subList(0, Math.min(users.size(), MAX_NAMED_REFERENCES)))));
        }
        credentials.delete(credential);
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.CREDENTIAL_DELETED, subject(name))
                .change(described(credential), null));
    }

    public static String subject(String name) {
        return AuditSubject.credential(name);
    }

    private Credential existing(String name) {
        return credentials.findByName(name).orElseThrow(() -> new CredentialRejectedException(
                CredentialProblem.of("name", "credential.unknown", name)));
    }

    private static Optional<CredentialProblem> secretProblem(String secret) {
        if (secret.isEmpty() || secret.length() > Credential.SECRET_MAX) {
            return Optional.of(CredentialProblem.of("secret", "credential.secret.invalid", Credential.SECRET_MAX));
        }
        return Optional.empty();
    }

    /** What the audit trail says of a credential: its kind and account, never its secret. */
    private static StoredMessage described(Credential credential) {
        StoredMessage.Argument kind = new StoredMessage.Choice(credential.getKind().messageKey());
        String account = credential.getAccount();
        return account == null ? StoredMessage.of("credential.value.kind", kind)
                : StoredMessage.of("credential.value.account", kind, StoredMessage.verbatim(account));
    }
}
