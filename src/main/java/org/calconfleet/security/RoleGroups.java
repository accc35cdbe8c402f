package org.calconfleet.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.calconfleet.access.Role;

/**
 * Which of the console's roles a user who signs in elsewhere (the directory, the single sign-on provider) gets from
 * the groups that source names. A member of groups of several roles gets the first of ADMIN, OPERATOR, AUDITOR,
 * HELPDESK: the console gives each user one role. Groups may also map to sites: a member of any such group is limited
 * to the sites of their groups (an OPERATOR or HELPDESK user: see {@code SiteScope}).
 *
 * @param <G> a group as the source names it, compared by its own equality
 */
final class RoleGroups<G> {

    private final Map<Role, List<G>> groupsByRole;
    private final Map<String, List<G>> groupsBySite;
    private final Function<String, Optional<G>> parse;

    private RoleGroups(Map<Role, List<G>> groupsByRole, Map<String, List<G>> groupsBySite,
            Function<String, Optional<G>> parse) {
        this.groupsByRole = groupsByRole;
        this.groupsBySite = groupsBySite;
        this.parse = parse;
    }

    /** Directory groups, compared as distinguished names (neither case nor the spaces after commas matter). */
    static RoleGroups<LdapName> directoryGroups(Map<Role, String> roleGroups, Map<String, String> siteGroups) {
        Function<String, Optional<LdapName>> parse = RoleGroups::distinguishedName;
        return new RoleGroups<>(groups("calcon.directory.role-groups.", "a DN", roleGroups, parse),
                groups("calcon.directory.site-groups.", "a DN", siteGroups, parse), parse);
    }

    /** The provider's group or role names (or ids), compared exactly. */
    static RoleGroups<String> providerGroups(Map<Role, String> roleGroups, Map<String, String> siteGroups) {
        Function<String, Optional<String>> parse = name -> name.isBlank() ? Optional.empty() : Optional.of(name.strip());
        return new RoleGroups<>(groups("calcon.sso.role-groups.", "a group", roleGroups, parse),
                groups("calcon.sso.site-groups.", "a group", siteGroups, parse), parse);
    }

    /**
     * @param groupsByKey per role or site, its groups separated by ";"
     * @throws IllegalArgumentException naming the role or site whose setting holds something that is not a group
     */
    private static <K, G> Map<K, List<G>> groups(String setting, String what, Map<K, String> groupsByKey,
            Function<String, Optional<G>> parse) {
        Map<K, List<G>> byKey = new LinkedHashMap<>();
        groupsByKey.forEach((key, text) -> {
            List<G> groups = new ArrayList<>();
            for (String group : text.split(";")) {
                if (!group.isBlank()) {
                    groups.add(parse.apply(group.strip()).orElseThrow(() -> new IllegalArgumentException(
                            setting + key + ": '" + group.strip() + "' is not " + what)));
                }
            }
            byKey.put(key, List.copyOf(groups));
        });
        return byKey;
    }

    boolean isEmpty() {
        return groupsByRole.values().stream().allMatch(List::isEmpty);
    }

    Optional<Role> roleOf(Collection<String> memberOf) {
        List<G> groups = parsed(memberOf);
        for (Role role : Role.values()) {
            if (groupsByRole.getOrDefault(role, List.of()).stream().anyMatch(groups::contains)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * The sites the groups give (none: unlimited), or empty when no group maps to a site: the sites an administrator
     * set are then kept.
     */
    Optional<Set<String>> sitesOf(Collection<String> memberOf) {
        if (groupsBySite.values().stream().allMatch(List::isEmpty)) {
            return Optional.empty();
        }
        List<G> groups = parsed(memberOf);
        Set<String> sites = new TreeSet<>();
        groupsBySite.forEach((site, siteGroups) -> {
            if (siteGroups.stream().anyMatch(groups::contains)) {
                sites.add(site);
            }
        });
        return Optional.of(sites);
    }

    private List<G> parsed(Collection<String> memberOf) {
        return memberOf.stream().flatMap(group -> parse.apply(group).stream()).toList();
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
