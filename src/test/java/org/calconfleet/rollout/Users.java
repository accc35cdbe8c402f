package org.calconfleet.rollout;

import java.util.Set;
import java.util.function.Supplier;
import org.calconfleet.access.Role;
import org.calconfleet.access.SiteScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Acting as a given user in a test, on the calling thread. */
public final class Users {

    private Users() {
    }

    public static <T> T as(String username, Role role, Supplier<T> action) {
        return as(username, role, Set.of(), action);
    }

    /** As a user limited to {@code sites} (none: unlimited). */
    public static <T> T as(String username, Role role, Set<String> sites, Supplier<T> action) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                SiteScope.authorities(role, sites)));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(String username, Role role, Runnable action) {
        as(username, role, () -> {
            action.run();
            return null;
        });
    }
}
