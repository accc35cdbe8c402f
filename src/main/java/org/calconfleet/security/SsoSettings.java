package org.calconfleet.security;

import java.util.List;
import java.util.Map;
import org.calconfleet.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider ({@code calcon.sso.*}); off unless enabled.
 *
 * @param name          the provider as people know it, on the sign-in button ("Entra ID", "Keycloak")
 * @param issuerUri     the provider's issuer; its {@code /.well-known/openid-configuration} is read at the first
 *                      sign-in through it (not at start-up, so a provider that is down never stops the console)
 * @param clientId      the console's client at the provider
 * @param clientSecret  its secret
 * @param scopes        asked for at sign-in
 * @param usernameClaim the claim that names the console's record of the user, in lower case
 * @param groupsClaim   the claim that lists the user's groups or roles; a dotted path reaches into an object
 *                      ({@code realm_access.roles})
 * @param roleGroups    per role, the groups (or roles, or group ids) that give it, separated by ";"
 * @param siteGroups    per site, the groups whose members are limited to it, separated by ";"
 */
@ConfigurationProperties("calcon.sso")
record SsoSettings(@DefaultValue("false") boolean enabled, @DefaultValue("single sign-on") String name,
                   @DefaultValue("") String issuerUri, @DefaultValue("") String clientId,
                   @DefaultValue("") String clientSecret,
                   @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                   @DefaultValue("preferred_username") String usernameClaim,
                   @DefaultValue("groups") String groupsClaim,
                   @DefaultValue Map<Role, String> roleGroups, @DefaultValue Map<String, String> siteGroups) {

    @Override
    public String toString() {
        return "SsoSettings[issuerUri=" + issuerUri + ", clientId=" + clientId + "]";
    }
}
