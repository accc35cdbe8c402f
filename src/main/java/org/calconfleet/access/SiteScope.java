package org.calconfleet.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The sites the user acting right now may see and touch: all of them (the default, and for anyone not signed in,
 * such as the job engine), or only some. The signed-in user carries their sites as authorities beside their role,
 * whichever way they signed in; the services read them here.
 *
 * @param sites the sites, or empty for unlimited
 */
public record SiteScope(Set<String> sites) {

    private static final String PREFIX = "SITE:";
    public static final SiteScope UNLIMITED = new SiteScope(Set.of());

    public SiteScope {
        sites = Set.copyOf(sites);
    }

    public static SiteScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return UNLIMITED;
        }
        return new SiteScope(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(PREFIX)).map(a -> a.substring(PREFIX.length()))
                .collect(Collectors.toSet()));
    }

    /** A user's authorities: their role, and their sites where the role may be limited to some. */
    public static List<GrantedAuthority> authorities(Role role, Collection<String> sites) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(role.authority()));
        if (limitable(role)) {
            sites.stream().sorted().map(site -> new SimpleGrantedAuthority(PREFIX + site)).forEach(authorities::add);
        }
        return authorities;
    }

    /** OPERATOR and HELPDESK users may be limited to sites; ADMIN and AUDITOR always see the whole fleet. */
    public static boolean limitable(Role role) {
        return role == Role.OPERATOR || role == Role.HELPDESK;
    }

    public boolean unlimited() {
        return sites.isEmpty();
    }

    public boolean allows(String site) {
        return unlimited() || sites.contains(site);
    }
}
