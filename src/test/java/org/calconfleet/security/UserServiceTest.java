package org.calconfleet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.testdb.DatabaseTest;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class UserServiceTest {

    @Autowired
    UserService users;

    @Autowired
    AuditTrail audit;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void without_the_demo_there_is_no_user_and_the_first_administrator_can_be_created_once() {
        assertThat(users.firstRunNeeded()).isTrue();
        AppUser admin = users.createFirstAdmin(new NewUser("root-admin", "Root", "a long passphrase", Role.HELPDESK));

        assertThat(admin.getRole()).isEqualTo(Role.ADMIN);
        assertThat(encoder.matches("a long passphrase", admin.getPasswordHash())).isTrue();
        assertThat(users.firstRunNeeded()).isFalse();
        assertThatThrownBy(() -> users.createFirstAdmin(new NewUser("second", "S", "a long passphrase", Role.ADMIN)))
                .isInstanceOf(UserRejectedException.class);
    }

    @Autowired
    AppUserDetailsService builtIn;

    @Test
    @WithMockUser(username = "root-admin", roles = "ADMIN")
    void an_administrator_limits_an_operator_to_sites_which_they_carry_when_they_sign_in_and_it_is_audited() {
        users.createUser(new NewUser("osaka-op", "Osaka operator", "twelve chars!", Role.OPERATOR));
        users.createUser(new NewUser("aud", "Auditor", "twelve chars!", Role.AUDITOR));

        users.limitToSites("osaka-op", Set.of("Osaka", " Kobe "));

        assertThat(builtIn.loadUserByUsername("osaka-op").getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_OPERATOR", "SITE:Kobe", "SITE:Osaka");
        AuditEntry entry = audit.historyOf("user:osaka-op", 1).getFirst();
        assertThat(entry.getAction()).isEqualTo(AuditAction.USER_CHANGED);
        assertThat(entry.getBefore()).isEqualTo(StoredMessage.of("users.value.allSites").toJson());
        assertThat(entry.getAfter()).isEqualTo(StoredMessage.of("users.value.sites",
                StoredMessage.listed(List.of(StoredMessage.verbatim("Kobe"), StoredMessage.verbatim("Osaka")))).toJson());
        assertThatThrownBy(() -> users.limitToSites("aud", Set.of("Osaka"))).isInstanceOfSatisfying(
                UserRejectedException.class, e -> assertThat(e.problems()).extracting(
                        UserRejectedException.Problem::messageKey).containsExactly("users.sites.notForRole"));

        users.limitToSites("osaka-op", Set.of());
        assertThat(builtIn.loadUserByUsername("osaka-op").getAuthorities()).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_OPERATOR");
    }

    @Test
    @WithMockUser(username = "oscar", roles = "OPERATOR")
    void only_an_administrator_limits_users_to_sites() {
        assertThatThrownBy(() -> users.limitToSites("oscar", Set.of())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "root-admin", roles = "ADMIN")
    void an_administrator_creates_and_changes_users_and_every_change_is_audited() {
        users.createUser(new NewUser("hana", "Hana", "twelve chars!", Role.HELPDESK));
        users.changeUser("hana", Role.OPERATOR, false);

        var history = audit.historyOf("user:hana", 5);
        assertThat(history).extracting(AuditEntry::getAction)
                .containsExactly(AuditAction.USER_CHANGED, AuditAction.USER_CREATED);
        assertThat(StoredMessage.parse(history.getFirst().getBefore())).contains(StoredMessage.of(
                "users.value.roleAndAccess", new StoredMessage.Choice("role.helpdesk"),
                StoredMessage.inner(StoredMessage.of("users.value.enabled"))));
        Messages messages = new Messages();
        assertThat(messages.render(history.getFirst().getAfter(), Locale.ENGLISH, ZoneOffset.UTC))
                .isEqualTo("Operator, disabled");
        assertThat(messages.render(history.getFirst().getAfter(), Locale.JAPANESE, ZoneOffset.UTC))
                .isEqualTo(messages.get("role.operator", Locale.JAPANESE) + "、無効");
        assertThat(messages.render(history.get(1).getAfter(), Locale.ENGLISH, ZoneOffset.UTC))
                .isEqualTo("Helpdesk, display name Hana");
    }

    @Test
    @WithMockUser(username = "root-admin", roles = "ADMIN")
    void bad_values_are_refused_field_by_field() {
        assertThatThrownBy(() -> users.createUser(new NewUser("x", " ", "short", Role.AUDITOR)))
                .isInstanceOfSatisfying(UserRejectedException.class, e -> assertThat(e.problems())
                        .extracting(UserRejectedException.Problem::field)
                        .containsExactly("username", "displayName", "password"));
    }

    @Test
    @WithMockUser(username = "root-admin", roles = "ADMIN")
    void an_administrator_cannot_lock_themselves_out() {
        users.createFirstAdmin(new NewUser("root-admin", "Root", "a long passphrase", Role.ADMIN));

        assertThatThrownBy(() -> users.changeUser("root-admin", Role.AUDITOR, true))
                .isInstanceOf(UserRejectedException.class);
        assertThatThrownBy(() -> users.changeUser("root-admin", Role.ADMIN, false))
                .isInstanceOf(UserRejectedException.class);
    }

    @Test
    @WithMockUser(roles = {"OPERATOR"})
    void only_an_administrator_manages_users() {
        assertThatThrownBy(() -> users.createUser(new NewUser("eve", "Eve", "twelve chars!", Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.changeUser("eve", Role.ADMIN, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(users::listUsers).isInstanceOf(AccessDeniedException.class);
    }
}
