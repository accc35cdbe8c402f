package org.calconfleet.security;

import org.calconfleet.access.Role;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One demo user per role (plus a second operator, since an operator may not approve their own change). */
@Component
@Profile("demo")
@Order(0)
public class DemoUsers implements ApplicationRunner {

    public record DemoUser(String username, String password, String displayName, Role role) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("admin", "admin", "Aiko Admin", Role.ADMIN),
            new DemoUser("operator", "operator", "Oscar Operator", Role.OPERATOR),
            new DemoUser("operator2", "operator2", "Olivia Operator", Role.OPERATOR),
            new DemoUser("auditor", "auditor", "Akira Auditor", Role.AUDITOR),
            new DemoUser("helpdesk", "helpdesk", "Hana Helpdesk", Role.HELPDESK));

    private final UserService userService;

    DemoUsers(UserService userService) {
        this.userService = userService;
    }

    @Override
    public void run(ApplicationArguments args) {
        ALL.forEach(u -> userService.createIfAbsent(u.username(), u.displayName(), u.password(), u.role()));
    }
}
