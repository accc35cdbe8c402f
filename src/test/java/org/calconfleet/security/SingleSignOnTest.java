package org.calconfleet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console with single sign-on switched on against a real OpenID Connect provider in this JVM
 * ({@link TestOidcProvider}), driven over HTTP as a browser would: a client that keeps cookies follows the redirects
 * from the console's sign-in link to the provider and back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"calcon.drift-scan.enabled=false", "calcon.audit.refusal-window=1ms"})
@ActiveProfiles("test")
class SingleSignOnTest {

    @LocalServerPort
    int port;
    @Autowired
    AppUserRepository userRecords;
    @Autowired
    UserService users;
    @Autowired
    SignInManager signIn;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        TestOidcProvider.configure(properties, "Keycloak");
    }

    /** A browser of its own: cookies kept, redirects followed by {@link #signInThroughProvider}. */
    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /**
     * Opens the console's single sign-on link and follows every redirect, through the provider and back, until the
     * browser lands on a page of the console outside the sign-in flow; that page's path and query.
     */
    private String signInThroughProvider() throws IOException, InterruptedException {
        URI next = URI.create(base() + "/oauth2/authorization/sso");
        for (int hop = 0; hop < 6; hop++) {
            HttpResponse<String> response = get(next);
            assertThat(response.statusCode()).as("answer of %s", next).isEqualTo(302);
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            boolean backAtTheConsole = next.getPort() == port && !next.getPath().startsWith("/login/oauth2/")
                    && !next.getPath().startsWith("/oauth2/");
            if (backAtTheConsole) {
                return next.getRawQuery() == null ? next.getPath() : next.getPath() + "?" + next.getRawQuery();
            }
        }
        throw new AssertionError("the sign-in never came back to the console");
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the signed-in session may do: 200 for an administrator's page, 403 for other roles, 302 for nobody. */
    private int administratorsPage() throws IOException, InterruptedException {
        return get(URI.create(base() + "/v3/api-docs")).statusCode();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private List<Map<String, Object>> audited(String subject) {
        return jdbc.queryForList("select actor, action, after_value, reason from audit_entry where subject = ?"
                + " order by seq", subject);
    }

    @Test
    void a_member_of_the_admin_group_signs_in_through_the_provider_as_admin_and_gets_a_record_on_first_sign_in()
            throws Exception {
        assertThat(administratorsPage()).as("before signing in").isEqualTo(302);
        TestOidcProvider.signsInNext("alice-at-the-provider", Map.of("preferred_username", "Alice@Corp.example",
                "name", "Alice Admin", "groups", List.of("staff", "calcon-admins")));

        assertThat(signInThroughProvider()).as("back to the page asked for before signing in")
                .isEqualTo("/v3/api-docs?continue");

        assertThat(administratorsPage()).isEqualTo(200);
        AppUser alice = userRecords.findByUsername("alice@corp.example").orElseThrow();
        assertThat(alice.getRole()).isEqualTo(Role.ADMIN);
        assertThat(alice.getDisplayName()).isEqualTo("Alice Admin");
        assertThat(alice.getPasswordHash()).isNull();
        assertThat(alice.getSsoSubject()).isEqualTo(TestOidcProvider.issuer() + " alice-at-the-provider");
        assertThat(audited("user:alice@corp.example")).extracting(e -> e.get("ACTOR") + " " + e.get("ACTION"))
                .containsExactly("sso USER_CREATED", "alice@corp.example SIGN_IN");
    }

    @Test
    void the_providers_groups_map_to_roles_at_every_sign_in_the_first_of_several_roles_winning() throws Exception {
        TestOidcProvider.signsInNext("bob-at-the-provider", Map.of("preferred_username", "bob",
                "groups", List.of("service-desk", "change-board")));
        assertThat(signInThroughProvider()).isEqualTo("/");
        assertThat(administratorsPage()).as("an operator's session").isEqualTo(403);
        assertThat(userRecords.findByUsername("bob").orElseThrow().getRole()).isEqualTo(Role.OPERATOR);

        TestOidcProvider.signsInNext("bob-at-the-provider", Map.of("preferred_username", "bob", "groups", "service-desk"));
        assertThat(signInThroughProvider()).isEqualTo("/");
        assertThat(userRecords.findByUsername("bob").orElseThrow().getRole()).isEqualTo(Role.HELPDESK);
        assertThat(audited("user:bob")).extracting(e -> e.get("ACTION") + " " + e.get("REASON")).contains(
                "USER_CHANGED " + StoredMessage.of("users.reason.ssoGroups").toJson());
    }

    @Test
    void a_user_in_no_mapped_group_is_refused_back_on_the_sign_in_page_and_gets_no_record() throws Exception {
        TestOidcProvider.signsInNext("carol-at-the-provider", Map.of("preferred_username", "carol", "groups", List.of("staff")));

        assertThat(signInThroughProvider()).isEqualTo("/login?error");

        assertThat(administratorsPage()).as("not signed in").isEqualTo(302);
        assertThat(userRecords.findByUsername("carol")).isEmpty();
        assertThat(audited("user:carol")).singleElement().satisfies(refusal -> {
            assertThat(refusal).containsEntry("ACTOR", "carol").containsEntry("ACTION", "SIGN_IN_FAILED");
            assertThat(refusal.get("REASON")).isEqualTo(StoredMessage.of("security.refusal.ssoNoRole").toJson());
        });
    }

    @Test
    void an_id_token_from_another_issuer_is_refused() throws Exception {
        String elsewhere = TestOidcProvider.issuer("elsewhere");
        TestOidcProvider.signsInNext("mallory-at-the-provider", Map.of("iss", elsewhere, "preferred_username", "mallory",
                "groups", List.of("calcon-admins")));

        assertThat(signInThroughProvider()).isEqualTo("/login?error");

        assertThat(administratorsPage()).as("not signed in").isEqualTo(302);
        assertThat(userRecords.findByUsername("mallory")).isEmpty();
        assertThat(audited("user:sso")).last().satisfies(refusal -> {
            assertThat(refusal).containsEntry("ACTION", "SIGN_IN_FAILED");
            assertThat(new Messages().render((String) refusal.get("REASON"), Locale.ENGLISH, ZoneOffset.UTC))
                    .startsWith("The provider refused: invalid_id_token ").contains("iss=" + elsewhere);
        });
    }

    @Test
    void a_name_the_provider_gives_to_another_person_does_not_sign_them_in_to_the_first_ones_record()
            throws Exception {
        TestOidcProvider.signsInNext("erin-1", Map.of("preferred_username", "erin", "groups", List.of("calcon-operators")));
        assertThat(signInThroughProvider()).isEqualTo("/");

        TestOidcProvider.signsInNext("erin-2", Map.of("preferred_username", "erin", "groups", List.of("calcon-admins")));
        assertThat(signInThroughProvider()).isEqualTo("/login?error");
        assertThat(userRecords.findByUsername("erin").orElseThrow().getRole()).isEqualTo(Role.OPERATOR);
    }

    @Test
    void the_provider_cannot_sign_in_under_a_built_in_name_and_the_break_glass_admin_still_signs_in_locally()
            throws Exception {
        users.createIfAbsent("breakglass", "Break Glass", "break-glass passphrase", Role.ADMIN);
        TestOidcProvider.signsInNext("someone", Map.of("preferred_username", "BreakGlass", "groups", List.of("calcon-admins")));

        assertThat(signInThroughProvider()).isEqualTo("/login?error");

        assertThat(userRecords.findByUsername("breakglass").orElseThrow().getSsoSubject()).isNull();
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("breakglass",
                "break-glass passphrase")).getAuthorities()).extracting(a -> a.getAuthority())
                .contains(Role.ADMIN.authority());
    }

    @Test
    void the_groups_claim_may_be_a_nested_path_or_a_name_with_dots() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("calcon-admins", "offline")),
                "http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "service-desk");

        assertThat(SsoAccounts.claimValues(claims, "realm_access.roles")).containsExactly("calcon-admins", "offline");
        assertThat(SsoAccounts.claimValues(claims, "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"))
                .containsExactly("service-desk");
        assertThat(SsoAccounts.claimValues(claims, "groups")).isEmpty();
    }
}
