package org.calconfleet.security;

import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditFilter;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.rollout.Users;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(properties = "calcon.drift-scan.enabled=false")
@ActiveProfiles("test")
class ApiTokenServiceTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    UserService users;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_token_is_shown_once_and_only_its_sha256_is_stored() {
        user("tok-ann", Role.OPERATOR);
        IssuedApiToken issued = Users.as("tok-ann", Role.OPERATOR, () -> tokens.create("nightly export", null));

        assertThat(issued.secret()).startsWith(ApiTokenService.PREFIX).hasSizeGreaterThan(40);
        assertThat(issued.toString()).doesNotContain(issued.secret());
        List<String> stored = jdbc.queryForList("select token_hash from api_token where id = ?", String.class,
                issued.info().id());
        assertThat(stored).containsExactly(ApiTokenService.hash(issued.secret()));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash like ?", Long.class,
                "%" + issued.secret().substring(4, 20) + "%")).isZero();
        assertThat(Users.as("tok-ann", Role.OPERATOR, tokens::mine)).extracting(ApiTokenInfo::name)
                .containsExactly("nightly export");
        assertThat(latest(AuditAction.API_TOKEN_CREATED).getAfter()).contains("nightly export")
                .doesNotContain(issued.secret());
    }

    @Test
    void a_token_acts_as_its_owner_with_the_owners_role_of_now() {
        user("tok-bob", Role.OPERATOR);
        IssuedApiToken issued = Users.as("tok-bob", Role.OPERATOR, () -> tokens.create("ci", null));
        assertThat(tokens.authenticate(issued.secret(), "10.0.0.1"))
                .isEqualTo(new ApiTokenCheck.Accepted("tok-bob", Role.OPERATOR, Set.of()));

        Users.as("tok-admin", Role.ADMIN, () -> users.changeUser("tok-bob", Role.HELPDESK, true));
        assertThat(tokens.authenticate(issued.secret(), "10.0.0.1"))
                .isEqualTo(new ApiTokenCheck.Accepted("tok-bob", Role.HELPDESK, Set.of()));

        Users.as("tok-admin", Role.ADMIN, () -> users.changeUser("tok-bob", Role.HELPDESK, false));
        assertThat(tokens.authenticate(issued.secret(), "10.0.0.1"))
                .isEqualTo(new ApiTokenCheck.Refused(ApiTokenCheck.Reason.OWNER_DISABLED));
        AuditEntry refused = latest(AuditAction.API_TOKEN_REFUSED);
        assertThat(refused.getReason()).isEqualTo(StoredMessage.of("security.reason.tokenRefused",
                new StoredMessage.Choice("api.token.refused.owner-disabled")).toJson());
        Messages messages = new Messages();
        assertThat(messages.render(refused.getAfter(), Locale.ENGLISH, ZoneOffset.UTC))
                .isEqualTo("Token #" + issued.info().id() + " \"ci\", no expiry from 10.0.0.1");
        assertThat(messages.render(refused.getReason(), Locale.JAPANESE, ZoneOffset.UTC))
                .isEqualTo(messages.get("api.token.refused.owner-disabled", Locale.JAPANESE));
    }

    @Test
    void revoked_expired_and_unknown_tokens_are_refused_and_counted_into_the_trail_by_address() {
        user("tok-cy", Role.AUDITOR);
        IssuedApiToken revoked = Users.as("tok-cy", Role.AUDITOR, () -> tokens.create("old", null));
        IssuedApiToken expiring = Users.as("tok-cy", Role.AUDITOR,
                () -> tokens.create("short", Instant.now().plus(Duration.ofHours(1))));
        Users.as("tok-cy", Role.AUDITOR, () -> tokens.revoke(revoked.info().id()));
        jdbc.update("update api_token set expires_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), expiring.info().id());

        assertThat(tokens.authenticate(revoked.secret(), "198.51.100.77")).isEqualTo(new ApiTokenCheck.Refused(ApiTokenCheck.Reason.REVOKED));
        assertThat(tokens.authenticate(expiring.secret(), "198.51.100.77")).isEqualTo(new ApiTokenCheck.Refused(ApiTokenCheck.Reason.EXPIRED));
        assertThat(tokens.authenticate("ccf_made-up", "198.51.100.77")).isEqualTo(new ApiTokenCheck.Refused(ApiTokenCheck.Reason.UNKNOWN));
        assertThat(tokens.authenticate("not even ours", "198.51.100.77")).isEqualTo(new ApiTokenCheck.Refused(ApiTokenCheck.Reason.UNKNOWN));
        assertThat(Users.as("tok-cy", Role.AUDITOR, tokens::mine)).extracting(ApiTokenInfo::name).containsExactly("short");
        assertThat(latest(AuditAction.API_TOKEN_REVOKED).getBefore()).isEqualTo(StoredMessage.of(
                "security.value.token", StoredMessage.port(revoked.info().id()), StoredMessage.verbatim("old")).toJson());
        assertThat(Users.as("tok-admin", Role.ADMIN, () -> audit.search(new AuditFilter(null, null,
                AuditAction.API_TOKEN_REFUSED, null, null), PageRequest.of(0, 4)))).extracting(AuditEntry::getReason)
                .as("the first refusal of the address's window, at once").first().isEqualTo(StoredMessage.of(
                        "security.reason.tokenRefused", new StoredMessage.Choice("api.token.refused.revoked")).toJson());
        assertThat(jdbc.queryForMap("select refusals, attempts from refusal_window where source = '198.51.100.77'"))
                .as("the others, counted until the window ends").containsEntry("REFUSALS", 4)
                .containsEntry("ATTEMPTS", "REVOKED user:tok-cy #" + revoked.info().id() + "=1; EXPIRED user:tok-cy #"
                        + expiring.info().id() + "=1; UNKNOWN anonymous=2");
    }

    @Test
    void only_the_owner_or_an_administrator_revokes_a_token_and_only_the_administrator_lists_everyones() {
        user("tok-dee", Role.OPERATOR);
        user("tok-eve", Role.OPERATOR);
        IssuedApiToken dees = Users.as("tok-dee", Role.OPERATOR, () -> tokens.create("dee's", null));

        assertThatThrownBy(() -> Users.as("tok-eve", Role.OPERATOR, () -> tokens.revoke(dees.info().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Users.as("tok-eve", Role.OPERATOR, tokens::everyone)).isInstanceOf(AccessDeniedException.class);
        assertThat(Users.as("tok-admin", Role.ADMIN, tokens::everyone)).extracting(ApiTokenInfo::owner).contains("tok-dee");

        Users.as("tok-admin", Role.ADMIN, () -> tokens.revoke(dees.info().id()));
        assertThat(tokens.authenticate(dees.secret(), "a")).isInstanceOf(ApiTokenCheck.Refused.class);
        assertThat(latest(AuditAction.API_TOKEN_REVOKED).getActor()).isEqualTo("tok-admin");
        assertThat(latest(AuditAction.API_TOKEN_REVOKED).getSubject()).isEqualTo("user:tok-dee");
    }

    @Test
    void a_token_needs_a_name_and_an_expiry_in_the_future() {
        user("tok-fay", Role.HELPDESK);
        assertThatThrownBy(() -> Users.as("tok-fay", Role.HELPDESK, () -> tokens.create("  ", null)))
                .isInstanceOfSatisfying(ApiTokenRejectedException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> Users.as("tok-fay", Role.HELPDESK, () -> tokens.create("x", Instant.now().minusSeconds(5))))
                .isInstanceOfSatisfying(ApiTokenRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("expiresAt"));
        assertThat(Users.as("tok-fay", Role.HELPDESK, tokens::mine)).isEmpty();
    }

    private void user(String username, Role role) {
        Users.as("tok-admin", Role.ADMIN, () -> users.createUser(new NewUser(username, username, "a long passphrase", role)));
    }

    private AuditEntry latest(AuditAction action) {
        return Users.as("tok-admin", Role.ADMIN, () -> audit.search(new AuditFilter(null, null, action, null, null),
                PageRequest.of(0, 1)).getFirst());
    }
}
