package org.calconfleet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.calconfleet.access.Role;

/**
 * Which of the console's roles a directory user gets from their groups. Groups are compared as distinguished names
 * (so neither case nor the spaces after commas matter). A member of groups of several roles gets the first of
 * ADMIN, OPERATOR, AUDITOR, HELPDESK: the console gives each user one role.
 */
final class DirectoryGroups {

    private final Map<Role, List<LdapName>> groupsByRole;

    private DirectoryGroups(Map<Role, List<LdapName>> groupsByRole) {
        this.groupsByRole = groupsByRole;
    }

    /** @throws IllegalArgumentException naming the role whose setting holds something that is not a DN */
    static DirectoryGroups of(Map<Role, String> roleGroups) {
        Map<Role, List<LdapName>> byRole = new EnumMap<>(Role.class);
        roleGroups.forEach((role, text) -> {
            List<LdapName> names = new ArrayList<>();
            for (String dn : text.split(";")) {
                if (!dn.isBlank()) {
                    names.add(parse(dn.strip()).orElseThrow(() -> new IllegalArgumentException(
                            "calcon.directory.role-groups." + role + ": '" + dn.strip() + "' is not a DN")));
                }
            }
            byRole.put(role, List.copyOf(names));
        });
        return new DirectoryGroups(byRole);
    }

    boolean isEmpty() {
        return groupsByRole.values().stream().allMatch(List::isEmpty);
    }

    Optional<Role> roleOf(Collection<String> groupDns) {
        List<LdapName> groups = groupDns.stream().flatMap(dn -> parse(dn).stream()).toList();
        for (Role role : Role.values()) {
            if (groupsByRole.getOrDefault(role, List.of()).stream().anyMatch(groups::contains)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static Optional<LdapName> parse(String dn) {
        try {
            LdapName name = new LdapName(dn);
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
