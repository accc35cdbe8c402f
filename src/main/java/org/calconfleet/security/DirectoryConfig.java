package org.calconfleet.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.SpringSecurityLdapTemplate;
import org.springframework.security.ldap.authentication.AbstractLdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;

/** The directory sign-in, when {@code calcon.directory.enabled=true}; the built-in users sign in before it. */
@Configuration
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfig {

    @Bean
    @ConditionalOnBooleanProperty("calcon.directory.enabled")
    AbstractLdapAuthenticationProvider directorySignIn(DirectorySettings settings, UserService users) {
        if (settings.url().isBlank()) {
            throw new IllegalStateException("calcon.directory.url must be set when calcon.directory.enabled=true");
        }
        RoleGroups<?> groups = RoleGroups.directoryGroups(settings.roleGroups(), settings.siteGroups());
        if (groups.isEmpty()) {
            throw new IllegalStateException("calcon.directory.role-groups maps no group to a role: nobody from the "
                    + "directory could sign in");
        }
        DirectoryAccounts accounts = new DirectoryAccounts(groups, settings.nameAttribute(), users);
        AbstractLdapAuthenticationProvider provider = switch (settings.kind()) {
            case ACTIVE_DIRECTORY -> activeDirectory(settings);
            case LDAP -> ldap(settings);
        };
        provider.setUserDetailsContextMapper(accounts);
        return provider;
    }

    private static ActiveDirectoryLdapAuthenticationProvider activeDirectory(DirectorySettings settings) {
        var provider = new ActiveDirectoryLdapAuthenticationProvider(settings.domain(), settings.url(),
                settings.baseDn());
        provider.setSearchFilter(settings.searchFilter());
        provider.setContextEnvironmentProperties(settings.connectionEnvironment());
        provider.setConvertSubErrorCodesToExceptions(true);
        // memberOf holds the groups' DNs; the default populator would keep only their CNs.
        provider.setAuthoritiesPopulator((entry, username) -> {
            String[] memberOf = entry.getStringAttributes("memberOf");
            return memberOf == null ? AuthorityUtils.NO_AUTHORITIES
                    : Arrays.stream(memberOf).map(SimpleGrantedAuthority::new).toList();
        });
        return provider;
    }

    private static LdapAuthenticationProvider ldap(DirectorySettings settings) {
        var source = new DefaultSpringSecurityContextSource(List.of(settings.url().split("\\s+")), settings.baseDn());
        if (!settings.managerDn().isBlank()) {
            source.setUserDn(settings.managerDn());
            source.setPassword(settings.managerPassword());
        } else {
            source.setAnonymousReadOnly(true);
        }
        source.setBaseEnvironmentProperties(settings.connectionEnvironment());
        source.afterPropertiesSet();
        var authenticator = new BindAuthenticator(source);
        authenticator.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.searchFilter(),
                source));
        var groups = new DefaultLdapAuthoritiesPopulator(source, settings.groupSearchBase());
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setSearchSubtree(true);
        groups.setIgnorePartialResultException(true);
        groups.setAuthorityMapper(group -> new SimpleGrantedAuthority(
                group.get(SpringSecurityLdapTemplate.DN_KEY).getFirst()));
        return new LdapAuthenticationProvider(authenticator, groups);
    }
}
