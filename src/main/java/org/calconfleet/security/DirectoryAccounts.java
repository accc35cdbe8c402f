package org.calconfleet.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.StoredMessage;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.LdapUserDetailsMapper;

/**
 * Turns a user the directory accepted into a user of the console: their groups (as authorities holding the groups'
 * DNs) give the role (and the sites, where groups map to sites), and their record is made or refreshed. A user in none of the mapped groups is refused. The
 * console only reads the directory: writing a user back stays Spring's refusal.
 */
class DirectoryAccounts extends LdapUserDetailsMapper {

    private final RoleGroups<?> groups;
    private final String nameAttribute;
    private final UserService users;

    DirectoryAccounts(RoleGroups<?> groups, String nameAttribute, UserService users) {
        this.groups = groups;
        this.nameAttribute = nameAttribute;
        this.users = users;
    }

    @Override
    public UserDetails mapUserFromContext(DirContextOperations entry, String typedName,
            Collection<? extends GrantedAuthority> groupDns) {
        String username = firstOf(entry.getStringAttribute(nameAttribute), typedName).toLowerCase(Locale.ROOT);
        List<String> memberOf = groupDns.stream().map(GrantedAuthority::getAuthority).toList();
        Role role = groups.roleOf(memberOf)
                .orElseThrow(() -> new SignInRefusedException("login.error.noRole",
                        StoredMessage.of("security.refusal.directoryNoRole")));
        String displayName = firstOf(entry.getStringAttribute("displayName"), entry.getStringAttribute("cn"), username);
        AppUser user = users.signedInFromDirectory(username, displayName, role,
                groups.sitesOf(memberOf).orElse(null));
        return User.withUsername(user.getUsername()).password("").authorities(user.authorities()).build();
    }

    private static String firstOf(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).findFirst().orElseThrow().strip();
    }
}
