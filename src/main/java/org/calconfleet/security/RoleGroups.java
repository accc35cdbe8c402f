package org.calconfleet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.calconfleet.access.Role;

/**
 * Which of the console's roles a user who signs in elsewhere (the directory, the single sign-on provider) gets from
 * the groups that source names. A member of groups of several roles gets the first of ADMIN, OPERATOR, AUDITOR,
 * HELPDESK: the console gives each user one role.
 *
 * @param <G> a group as the source names it, compared by its own equality
 */
final class RoleGroups<G> {

    private final Map<Role, List<G>> groupsByRole;
    private final Function<String, Optional<G>> parse;

    private RoleGroups(Map<Role, List<G>> groupsByRole, Function<String, Optional<G>> parse) {
        this.groupsByRole = groupsByRole;
        this.parse = parse;
    }

    /** Directory groups, compared as distinguished names (neither case nor the spaces after commas matter). */
    static RoleGroups<LdapName> directoryGroups(Map<Role, String> roleGroups) {
        return of("calcon.directory.role-groups.", "a DN", roleGroups, RoleGroups::distinguishedName);
    }

    /** The provider's group or role names (or ids), compared exactly. */
    static RoleGroups<String> providerGroups(Map<Role, String> roleGroups) {
        return of("calcon.sso.role-groups.", "a group", roleGroups,
                name -> name.isBlank() ? Optional.empty() : Optional.of(name.strip()));
    }

    /**
     * @param roleGroups per role, its groups separated by ";"
     * @throws IllegalArgumentException naming the role whose setting holds something that is not a group
     */
    private static <G> RoleGroups<G> of(String setting, String what, Map<Role, String> roleGroups,
            Function<String, Optional<G>> parse) {
        Map<Role, List<G>> byRole = new EnumMap<>(Role.class);
        roleGroups.forEach((role, text) -> {
            List<G> groups = new ArrayList<>();
            for (String group : text.split(";")) {
                if (!group.isBlank()) {
                    groups.add(parse.apply(group.strip()).orElseThrow(() -> new IllegalArgumentException(
                            setting + role + ": '" + group.strip() + "' is not " + what)));
                }
            }
            byRole.put(role, List.copyOf(groups));
        });
        return new RoleGroups<>(byRole, parse);
    }

    boolean isEmpty() {
        return groupsByRole.values().stream().allMatch(List::isEmpty);
    }

    Optional<Role> roleOf(Collection<String> memberOf) {
        List<G> groups = memberOf.stream().flatMap(group -> parse.apply(group).stream()).toList();
        for (Role role : Role.values()) {
            if (groupsByRole.getOrDefault(role, List.of()).stream().anyMatch(groups::contains)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static Optional<LdapName> distinguishedName(String dn) {
        try {
            LdapName name = new LdapName(dn);
            return name.isEmpty() ? Optional.empty() : Optional.of(name);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
