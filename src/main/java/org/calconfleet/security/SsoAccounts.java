package org.calconfleet.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a user the provider vouched for (its ID token checked: issuer, audience, signature, expiry, nonce) into a
 * user of the console: the groups claim gives the role, and their record is made or refreshed, bound to the issuer
 * and subject. A user in none of the mapped groups is refused.
 */
class SsoAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final SsoSettings settings;
    private final RoleGroups<String> groups;
    private final UserService users;

    SsoAccounts(SsoSettings settings, RoleGroups<String> groups, UserService users) {
        this.settings = settings;
        this.groups = groups;
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser vouched = provider.loadUser(request);
        Map<String, Object> claims = vouched.getClaims();
        String username = claimValues(claims, settings.usernameClaim()).stream().findFirst()
                .map(name -> name.strip().toLowerCase(Locale.ROOT)).filter(name -> !name.isEmpty())
                .orElseThrow(() -> new SignInRefusedException("login.error.ssoName",
                        StoredMessage.of("security.refusal.noUsernameClaim",
                                StoredMessage.verbatim(settings.usernameClaim()))).concerning(vouched.getSubject()));
        try {
            List<String> memberOf = claimValues(claims, settings.groupsClaim());
            Role role = groups.roleOf(memberOf)
                    .orElseThrow(() -> new SignInRefusedException("login.error.ssoNoRole",
                            StoredMessage.of("security.refusal.ssoNoRole"), settings.name()));
            String displayName = vouched.getFullName() == null || vouched.getFullName().isBlank() ? username
                    : vouched.getFullName().strip();
            String subject = vouched.getIdToken().getIssuer() + " " + vouched.getSubject();
            AppUser user = users.signedInWithSso(subject, username, displayName, role,
                    groups.sitesOf(memberOf).orElse(null));
            return new ConsoleUser(user, vouched);
        } catch (SignInRefusedException refused) {
            throw refused.concerning(username);
        }
    }

    /**
     * A claim's values: a list's items or the one value. A name with dots is first looked up whole (ADFS and Entra
     * send claim names that are URLs), then as a path into nested objects (Keycloak's {@code realm_access.roles}).
     */
    static List<String> claimValues(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        if (value == null) {
            Object inner = claims;
            for (String part : name.split("\\.")) {
                inner = inner instanceof Map<?, ?> object ? object.get(part) : null;
            }
            value = inner;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /** The provider's user under the console's name for them, with their one role and their sites. */
    private static final class ConsoleUser extends DefaultOidcUser {

        private final String username;

        ConsoleUser(AppUser user, OidcUser vouched) {
            super(user.authorities(), vouched.getIdToken(), vouched.getUserInfo(), IdTokenClaimNames.SUB);
            this.username = user.getUsername();
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
