package org.calconfleet.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Single sign-on, when {@code calcon.sso.enabled=true}; without it nothing of OpenID Connect is set up. */
@Configuration
@EnableConfigurationProperties(SsoSettings.class)
class SsoConfig {

    @Bean
    @ConditionalOnBooleanProperty("calcon.sso.enabled")
    SsoSignIn ssoSignIn(SsoSettings settings, UserService users) {
        require(!settings.issuerUri().isBlank(), "calcon.sso.issuer-uri");
        require(!settings.clientId().isBlank(), "calcon.sso.client-id");
        require(settings.scopes().contains("openid"), "the scope openid in calcon.sso.scopes");
        RoleGroups<String> groups = RoleGroups.providerGroups(settings.roleGroups(), settings.siteGroups());
        if (groups.isEmpty()) {
            throw new IllegalStateException("calcon.sso.role-groups maps no group to a role: nobody could sign in "
                    + "through the provider");
        }
        return new SsoSignIn(settings, new SsoAccounts(settings, groups, users));
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new IllegalStateException(what + " must be set when calcon.sso.enabled=true");
        }
    }
}
