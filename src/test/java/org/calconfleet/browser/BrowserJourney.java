package org.calconfleet.browser;

import java.util.List;
import java.util.function.Supplier;
import org.calconfleet.access.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * A journey in headless Chromium against the demo console started on a random port. Every journey signs in from
 * the same address, so refusals are counted in windows of a millisecond: each failed sign-in opens its own window and
 * is audited at once, as the first of a window is (the windows themselves are RefusalFloodTest's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "calcon.audit.refusal-window=1ms")
@ActiveProfiles({"demo", "test"})
abstract class BrowserJourney {

    static Browser browser;

    @LocalServerPort
    int port;

    /** This context's own: with several cached contexts in one JVM the static holder may point at another's. */
    @Autowired
    SecurityContextHolderStrategy security;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** Runs a service call as a user of that role, for a test's own set-up and checks. */
    <T> T as(Role role, Supplier<T> action) {
        security.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("test", null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return action.get();
        } finally {
            security.clearContext();
        }
    }

    String base() {
        return "http://localhost:" + port;
    }
}
