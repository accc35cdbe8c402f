package org.calconfleet.security;

import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.access.SiteScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.common.SeedLock;
import java.util.Optional;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    static final String DIRECTORY_ACTOR = "directory";
    static final String SSO_ACTOR = "sso";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final SeedLock seedLock;

    UserService(AppUserRepository users, PasswordEncoder passwordEncoder, AuditTrail audit, SeedLock seedLock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.seedLock = seedLock;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public AppUser createUser(NewUser user) {
        return create(user, CurrentUser.usernameOrSystem());
    }

    /** First run of an installation without the demo: anyone may create the first administrator, once. */
    @PermitAll
    @Transactional
    public AppUser createFirstAdmin(NewUser user) {
        seedLock.hold();
        if (users.existsByRoleAndDirectoryFalse(Role.ADMIN)) {
            throw new UserRejectedException(List.of(new UserRejectedException.Problem("username",
                    "users.firstRun.done", List.of())));
        }
        return create(new NewUser(user.username(), user.displayName(), user.password(), Role.ADMIN), "first-run");
    }

    @PermitAll
    @Transactional(readOnly = true)
    public boolean firstRunNeeded() {
        return !users.existsByRoleAndDirectoryFalse(Role.ADMIN);
    }

    /** Changes a user's role or disables them; an administrator cannot lock themselves out. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public AppUser changeUser(String username, Role role, boolean enabled) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UserRejectedException(List.of(
                new UserRejectedException.Problem("username", "users.unknown", List.of(username)))));
        String actor = CurrentUser.usernameOrSystem();
        if (user.getUsername().equals(actor) && (role != Role.ADMIN || !enabled)) {
            throw new UserRejectedException(List.of(new UserRejectedException.Problem("role", "users.notYourself",
                    List.of())));
        }
        StoredMessage before = roleAndAccess(user.getRole(), user.isEnabled());
        user.change(role, enabled);
        audit.record(AuditEvent.of(actor, AuditAction.USER_CHANGED, AuditSubject.user(username))
                .change(before, roleAndAccess(role, enabled)));
        return user;
    }

    /**
     * Limits an OPERATOR or HELPDESK user to some sites (none: unlimited, the default); they carry them from their
     * next sign-in. ADMIN and AUDITOR users always see the whole fleet.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public AppUser limitToSites(String username, Set<String> sites) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UserRejectedException(List.of(
                new UserRejectedException.Problem("username", "users.unknown", List.of(username)))));
        Set<String> given = sites.stream().map(String::strip).filter(site -> !site.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!given.isEmpty() && !SiteScope.limitable(user.getRole())) {
            throw new UserRejectedException(List.of(new UserRejectedException.Problem("sites", "users.sites.notForRole",
                    List.of())));
        }
        Set<String> before = new TreeSet<>(user.getSites());
        if (!before.equals(given)) {
            user.limitTo(given);
            audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.USER_CHANGED,
                    AuditSubject.user(username)).change(sitesValue(before), sitesValue(given)));
        }
        return user;
    }

    static StoredMessage sitesValue(Set<String> sites) {
        return sites.isEmpty() ? StoredMessage.of("users.value.allSites") : StoredMessage.of("users.value.sites",
                StoredMessage.listed(sites.stream().map(StoredMessage::verbatim).toList()));
    }

    private static StoredMessage roleAndAccess(Role role, boolean enabled) {
        return StoredMessage.of("users.value.roleAndAccess", new StoredMessage.Choice(role.messageKey()),
                StoredMessage.inner(StoredMessage.of(enabled ? "users.value.enabled" : "users.value.disabled")));
    }

    private static StoredMessage roleAndName(Role role, String displayName) {
        return StoredMessage.of("users.value.roleAndName", new StoredMessage.Choice(role.messageKey()),
                StoredMessage.verbatim(displayName));
    }

    private AppUser create(NewUser user, String actor) {
        List<UserRejectedException.Problem> problems = new ArrayList<>();
        if (!USERNAME.matcher(user.username()).matches()) {
            problems.add(new UserRejectedException.Problem("username", "users.username.invalid", List.of()));
        } else if (users.findByUsername(user.username()).isPresent()) {
            problems.add(new UserRejectedException.Problem("username", "users.username.taken",
                    List.of(user.username())));
        }
        if (user.displayName().isBlank() || user.displayName().length() > AppUser.DISPLAY_NAME_MAX_LENGTH) {
            problems.add(new UserRejectedException.Problem("displayName", "users.displayName.invalid", List.of()));
        }
        if (user.password().length() < MIN_PASSWORD_LENGTH) {
            problems.add(new UserRejectedException.Problem("password", "users.password.short",
                    List.of(String.valueOf(MIN_PASSWORD_LENGTH))));
        }
        if (!problems.isEmpty()) {
            throw new UserRejectedException(problems);
        }
        AppUser saved = users.save(new AppUser(user.username(), user.displayName().strip(),
                passwordEncoder.encode(user.password()), user.role()));
        audit.record(AuditEvent.of(actor, AuditAction.USER_CREATED, AuditSubject.user(user.username()))
                .change(null, roleAndName(user.role(), saved.getDisplayName())));
        return saved;
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional(readOnly = true)
    public List<AppUser> listUsers() {
        return users.findAll(Sort.by("username"));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<AppUser> currentUser() {
        return CurrentUser.username().flatMap(users::findByUsername);
    }

    @PermitAll
    @Transactional
    public void changeMyLanguage(String language) {
        currentUser().ifPresent(user -> user.setLanguage(language));
    }

    /** Start-up only: the demo seeding, before anyone signs in; demo users are not audited as people's acts. */
    @Transactional
    AppUser createIfAbsent(String username, String displayName, String rawPassword, Role role) {
        seedLock.hold();
        return users.findByUsername(username).orElseGet(() ->
                users.save(new AppUser(username, displayName, passwordEncoder.encode(rawPassword), role)));
    }

    /**
     * A user the directory accepted, with the role their groups give: their record is made at the first sign-in
     * (no password: the directory checks it) and its name and role follow the directory at every sign-in after; so do
     * their sites, unless {@code sites} is null (no group maps to a site: the sites an administrator set are kept).
     * Refused for the name of a built-in user (the directory cannot take over a break-glass account) or of a single
     * sign-on user, and for a record an administrator disabled.
     */
    @Transactional
    AppUser signedInFromDirectory(String username, String displayName, Role role, @Nullable Set<String> sites) {
        return signedInElsewhere(Elsewhere.DIRECTORY, null, username, displayName, role, sites);
    }

    /**
     * A user the single sign-on provider vouched for, as for {@link #signedInFromDirectory}; the record is bound to
     * the provider's {@code subject} (issuer and subject), so a name the provider later gives to someone else does
     * not sign them in to this record.
     */
    @Transactional
    AppUser signedInWithSso(String subject, String username, String displayName, Role role,
            @Nullable Set<String> sites) {
        return signedInElsewhere(Elsewhere.SSO, subject, username, displayName, role, sites);
    }

    private AppUser signedInElsewhere(Elsewhere source, @Nullable String ssoSubject, String username,
            String displayName, Role role, @Nullable Set<String> sites) {
        if (username.length() > AppUser.USERNAME_MAX_LENGTH) {
            throw new SignInRefusedException(source.nameRefusal, StoredMessage.of("security.refusal.nameTooLong"));
        }
        String name = displayName.length() > AppUser.DISPLAY_NAME_MAX_LENGTH
                ? displayName.substring(0, AppUser.DISPLAY_NAME_MAX_LENGTH) : displayName;
        Optional<AppUser> existing = users.findByUsername(username);
        if (existing.isEmpty()) {
            AppUser created = users.save(AppUser.fromElsewhere(username, name, role, ssoSubject));
            audit.record(AuditEvent.of(source.actor, AuditAction.USER_CREATED, AuditSubject.user(username))
                    .change(null, StoredMessage.of(source.createdCode, new StoredMessage.Choice(role.messageKey()),
                            StoredMessage.verbatim(name))));
            refreshSites(source, created, sites);
            return created;
        }
        AppUser user = existing.get();
        if (!user.isDirectory()) {
            throw new SignInRefusedException(source.nameRefusal, StoredMessage.of("security.refusal.builtInName"));
        }
        if (!Objects.equals(user.getSsoSubject(), ssoSubject)) {
            throw new SignInRefusedException(source.nameRefusal, StoredMessage.of(user.getSsoSubject() == null
                    ? "security.refusal.directoryUsersName" : "security.refusal.otherSsoUsersName"));
        }
        if (!user.isEnabled()) {
            throw new SignInRefusedException("login.error.disabled", StoredMessage.of("security.refusal.disabled"));
        }
        if (user.getRole() != role || !user.getDisplayName().equals(name)) {
            StoredMessage before = roleAndName(user.getRole(), user.getDisplayName());
            user.refreshFromElsewhere(name, role);
            audit.record(AuditEvent.of(source.actor, AuditAction.USER_CHANGED, AuditSubject.user(username))
                    .change(before, roleAndName(role, name))
                    .because(StoredMessage.of(source.groupsCode)));
        }
        refreshSites(source, user, sites);
        return user;
    }

    private void refreshSites(Elsewhere source, AppUser user, @Nullable Set<String> sites) {
        if (sites == null || user.getSites().equals(sites)) {
            return;
        }
        Set<String> before = new TreeSet<>(user.getSites());
        user.limitTo(sites);
        audit.record(AuditEvent.of(source.actor, AuditAction.USER_CHANGED, AuditSubject.user(user.getUsername()))
                .change(sitesValue(before), sitesValue(sites)).because(StoredMessage.of(source.groupsCode)));
    }

    /** Where users who sign in elsewhere come from, as their audit entries and refusals name it. */
    private enum Elsewhere {
        DIRECTORY(DIRECTORY_ACTOR, "login.error.directoryName", "users.value.createdFromDirectory",
                "users.reason.directoryGroups"),
        SSO(SSO_ACTOR, "login.error.ssoName", "users.value.createdFromSso", "users.reason.ssoGroups");

        private final String actor;
        private final String nameRefusal;
        private final String createdCode;
        private final String groupsCode;

        Elsewhere(String actor, String nameRefusal, String createdCode, String groupsCode) {
            this.actor = actor;
            this.nameRefusal = nameRefusal;
            this.createdCode = createdCode;
            this.groupsCode = groupsCode;
        }
    }

    @Transactional(readOnly = true)
    boolean anyAdminExists() {
        return users.existsByRoleAndDirectoryFalse(Role.ADMIN);
    }
}
