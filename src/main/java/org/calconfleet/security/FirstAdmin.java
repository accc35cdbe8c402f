package org.calconfleet.security;

import org.calconfleet.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the demo there are no default passwords: the first administrator comes from
 * {@code --calcon.first-admin.username/password} or {@code CALCON_FIRST_ADMIN_USERNAME/PASSWORD}.
 */
@Component
@Profile("!demo")
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserService userService;
    private final String username;
    private final String password;

    FirstAdmin(UserService userService,
               @Value("${calcon.first-admin.username:}") String username,
               @Value("${calcon.first-admin.password:}") String password) {
        this.userService = userService;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (userService.anyAdminExists()) {
            return;
        }
        if (username.isBlank()) {
            log.warn("No administrator exists. Open the console to create one on the first-run page, or start once "
                    + "with CALCON_FIRST_ADMIN_USERNAME and CALCON_FIRST_ADMIN_PASSWORD (at least {} characters).",
                    UserService.MIN_PASSWORD_LENGTH);
            return;
        }
        try {
            userService.createFirstAdmin(new NewUser(username, username, password, Role.ADMIN));
            log.info("Created the first administrator '{}'", username);
        } catch (UserRejectedException e) {
            if (userService.anyAdminExists()) {
                log.info("The first administrator was created meanwhile by another console node");
                return;
            }
            log.error("The first administrator was not created: {}", e.getMessage());
        }
    }
}
