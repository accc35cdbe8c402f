package org.calconfleet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.util.Map;
import org.calconfleet.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

class DirectorySignInTest extends SignInTestBase {

    private static final String ADDRESS = "192.0.2.10";

    @Test
    void a_member_of_the_admin_group_signs_in_as_admin_and_gets_a_record_without_a_password() {
        Authentication alice = signIn("alice", "alice-secret", ADDRESS);

        assertThat(alice.getName()).isEqualTo("alice");
        assertThat(roles(alice)).containsExactly(Role.ADMIN.authority());
        AppUser record = userRecords.findByUsername("alice").orElseThrow();
        assertThat(record.isDirectory()).isTrue();
        assertThat(record.getPasswordHash()).isNull();
        assertThat(record.getRole()).isEqualTo(Role.ADMIN);
        assertThat(record.getDisplayName()).isEqualTo("Alice Admin");
    }

    @Test
    void a_member_of_the_helpdesk_group_signs_in_as_helpdesk_and_follows_the_directory_at_the_next_sign_in()
            throws Exception {
        assertThat(roles(signIn("bob", "bob-secret", ADDRESS))).containsExactly(Role.HELPDESK.authority());

        DIRECTORY.modify("cn=Helpdesk,ou=groups,dc=example,dc=org",
                new Modification(ModificationType.DELETE, "member", "uid=bob,ou=people,dc=example,dc=org"));
        DIRECTORY.modify("cn=Operators,ou=groups,dc=example,dc=org",
                new Modification(ModificationType.ADD, "member", "uid=bob,ou=people,dc=example,dc=org"));
        try {
            assertThat(roles(signIn("bob", "bob-secret", ADDRESS))).containsExactly(Role.OPERATOR.authority());
            assertThat(userRecords.findByUsername("bob").orElseThrow().getRole()).isEqualTo(Role.OPERATOR);
        } finally {
            DIRECTORY.modify("cn=Operators,ou=groups,dc=example,dc=org",
                    new Modification(ModificationType.DELETE, "member", "uid=bob,ou=people,dc=example,dc=org"));
            DIRECTORY.modify("cn=Helpdesk,ou=groups,dc=example,dc=org",
                    new Modification(ModificationType.ADD, "member", "uid=bob,ou=people,dc=example,dc=org"));
        }
    }

    @Test
    void a_member_of_a_site_group_is_limited_to_its_site_and_follows_the_directory_at_the_next_sign_in()
            throws Exception {
        DIRECTORY.modify("cn=Osaka Team,ou=groups,dc=example,dc=org",
                new Modification(ModificationType.ADD, "member", "uid=bob,ou=people,dc=example,dc=org"));
        try {
            Authentication bob = signIn("bob", "bob-secret", ADDRESS);
            assertThat(bob.getAuthorities()).extracting(a -> a.getAuthority())
                    .contains(Role.HELPDESK.authority(), "SITE:Osaka");
            assertThat(userRecords.findByUsername("bob").orElseThrow().getSites()).containsExactly("Osaka");
        } finally {
            DIRECTORY.modify("cn=Osaka Team,ou=groups,dc=example,dc=org",
                    new Modification(ModificationType.DELETE, "member", "uid=bob,ou=people,dc=example,dc=org"));
        }
        assertThat(signIn("bob", "bob-secret", ADDRESS).getAuthorities()).extracting(a -> a.getAuthority())
                .contains(Role.HELPDESK.authority()).doesNotContain("SITE:Osaka");
        assertThat(userRecords.findByUsername("bob").orElseThrow().getSites()).isEmpty();
    }

    @Test
    void a_user_in_no_mapped_group_is_refused_with_a_message_that_says_so() {
        assertThatThrownBy(() -> signIn("carol", "carol-secret", ADDRESS))
                .isInstanceOfSatisfying(SignInRefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("login.error.noRole"));
        assertThat(userRecords.findByUsername("carol")).isEmpty();
    }

    @Test
    void a_wrong_directory_password_is_refused() {
        assertThatThrownBy(() -> signIn("alice", "not-her-password", ADDRESS))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("nobody-at-all", "whatever", ADDRESS))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void the_directory_cannot_sign_in_under_the_name_of_a_built_in_user() {
        breakGlassAdmin();

        assertThatThrownBy(() -> signIn("breakglass", "directory-secret", ADDRESS))
                .isInstanceOfSatisfying(SignInRefusedException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("login.error.directoryName"));
        assertThat(userRecords.findByUsername("breakglass").orElseThrow().isDirectory()).isFalse();
    }

    @Test
    void the_break_glass_admin_signs_in_beside_the_directory_and_while_it_is_down() {
        breakGlassAdmin();
        assertThat(roles(signIn("breakglass", BREAK_GLASS_PASSWORD, ADDRESS))).containsExactly(Role.ADMIN.authority());

        DIRECTORY.shutDown(true);
        try {
            assertThat(roles(signIn("breakglass", BREAK_GLASS_PASSWORD, ADDRESS)))
                    .containsExactly(Role.ADMIN.authority());
            assertThatThrownBy(() -> signIn("alice", "alice-secret", ADDRESS))
                    .isInstanceOf(AuthenticationServiceException.class);
        } finally {
            restartDirectory();
        }
    }

    @Test
    void an_active_directory_user_signs_in_with_the_short_name_and_gets_the_role_of_a_memberof_group() {
        var settings = new DirectorySettings(true, DirectorySettings.Kind.ACTIVE_DIRECTORY, directoryUrl(), "",
                "corp.example", "", null, null, "", "", "", "(member={0})",
                Map.of(Role.ADMIN, "CN=Exchange Admins,OU=Groups,DC=corp,DC=example"), Map.of(), Duration.ofSeconds(2));
        var activeDirectory = new DirectoryConfig().directorySignIn(settings, users);

        Authentication ann = activeDirectory.authenticate(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .unauthenticated("ann", "ann-secret"));

        assertThat(ann.getName()).isEqualTo("ann");
        assertThat(roles(ann)).containsExactly(Role.ADMIN.authority());
        assertThat(userRecords.findByUsername("ann").orElseThrow().getDisplayName()).isEqualTo("Ann Ad");
        assertThatThrownBy(() -> activeDirectory.authenticate(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                        .unauthenticated("ann", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
    }

    private static void restartDirectory() {
        try {
            DIRECTORY.startListening();
        } catch (Exception e) {
            throw new IllegalStateException("the test directory did not start again", e);
        }
    }
}
