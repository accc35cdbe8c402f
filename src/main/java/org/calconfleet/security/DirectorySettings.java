package org.calconfleet.security;

import java.time.Duration;
import java.util.Map;
import org.calconfleet.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through Active Directory or an LDAP directory ({@code calcon.directory.*}); off unless enabled.
 *
 * @param kind            {@code ACTIVE_DIRECTORY}: the user binds as {@code name@domain} and their groups are the
 *                        entry's {@code memberOf}; {@code LDAP}: the user's entry is searched, bound with its DN and
 *                        their groups are searched under {@code groupSearchBase}
 * @param url             {@code ldaps://dc1.corp.example:636}, several separated by spaces
 * @param baseDn          where users (and groups) are searched; for AD it defaults to the domain's DN
 * @param domain          AD only: the UPN suffix added to a name typed without one
 * @param userSearchFilter {0} is the name as typed (LDAP) or {@code name@domain} (AD), {1} the name as typed (AD)
 * @param usernameAttribute the attribute that names the console's record of the user ({@code uid},
 *                        {@code sAMAccountName}); the name as typed when the entry has none
 * @param managerDn       LDAP only: who searches for the user's entry; anonymous when empty
 * @param groupSearchFilter LDAP only: {0} is the user's DN, {1} the name as typed
 * @param roleGroups      per role, the DNs of the groups that give it, separated by ";" (a DN holds commas)
 * @param siteGroups      per site, the DNs of the groups whose members are limited to it, separated by ";"
 * @param timeout         how long a connection to and an answer from the directory may take
 */
@ConfigurationProperties("calcon.directory")
record DirectorySettings(@DefaultValue("false") boolean enabled, @DefaultValue("LDAP") Kind kind,
                         @DefaultValue("") String url, @DefaultValue("") String baseDn,
                         @DefaultValue("") String domain, @DefaultValue("") String userSearchBase,
                         @Nullable String userSearchFilter, @Nullable String usernameAttribute,
                         @DefaultValue("") String managerDn, @DefaultValue("") String managerPassword,
                         @DefaultValue("") String groupSearchBase,
                         @DefaultValue("(member={0})") String groupSearchFilter,
                         @DefaultValue Map<Role, String> roleGroups, @DefaultValue Map<String, String> siteGroups,
                         @DefaultValue("5s") Duration timeout) {

    enum Kind {
        ACTIVE_DIRECTORY, LDAP
    }

    String searchFilter() {
        if (userSearchFilter != null && !userSearchFilter.isBlank()) {
            return userSearchFilter;
        }
        return kind == Kind.ACTIVE_DIRECTORY ? "(&(objectClass=user)(userPrincipalName={0}))" : "(uid={0})";
    }

    String nameAttribute() {
        if (usernameAttribute != null && !usernameAttribute.isBlank()) {
            return usernameAttribute;
        }
        return kind == Kind.ACTIVE_DIRECTORY ? "sAMAccountName" : "uid";
    }

    /** JNDI's own time-outs; without them a directory that does not answer holds a sign-in for minutes. */
    Map<String, Object> connectionEnvironment() {
        String millis = String.valueOf(timeout.toMillis());
        return Map.of("com.sun.jndi.ldap.connect.timeout", millis, "com.sun.jndi.ldap.read.timeout", millis);
    }
}
