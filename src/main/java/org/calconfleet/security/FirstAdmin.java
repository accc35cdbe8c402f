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
    static final int MIN_PASSWORD_LENGTH = 12;

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
        if (username.isBlank() || password.length() < MIN_PASSWORD_LENGTH) {
            log.warn("No administrator exists. Start once with CALCON_FIRST_ADMIN_USERNAME and "
                    + "CALCON_FIRST_ADMIN_PASSWORD (at least {} characters) to create one.", MIN_PASSWORD_LENGTH);
            return;
        }
        userService.createIfAbsent(username, username, password, Role.ADMIN);
        log.info("Created the first administrator '{}'", username);
    }
}
