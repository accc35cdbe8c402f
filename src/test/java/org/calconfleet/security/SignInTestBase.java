package org.calconfleet.security;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.calconfleet.access.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One console with the directory sign-in switched on against an in-memory LDAP server (UnboundID) loaded from
 * {@code ldap/directory.ldif}, and a clock the tests move. The server also plays Active Directory for the tree
 * {@code dc=corp,dc=example}: a bind as {@code name@corp.example} is turned into a bind with that user's DN.
 */
@SpringBootTest(properties = "calcon.drift-scan.enabled=false")
@ActiveProfiles("test")
@Import(SignInTestBase.Clocks.class)
abstract class SignInTestBase {

    static final String BREAK_GLASS_PASSWORD = "break-glass passphrase";
    static final InMemoryDirectoryServer DIRECTORY = startDirectory();

    @Autowired
    SignInManager signIn;
    @Autowired
    UserService users;
    @Autowired
    AppUserRepository userRecords;
    @Autowired
    MovableClock clock;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry properties) {
        properties.add("calcon.directory.enabled", () -> "true");
        properties.add("calcon.directory.url", SignInTestBase::directoryUrl);
        properties.add("calcon.directory.base-dn", () -> "dc=example,dc=org");
        properties.add("calcon.directory.user-search-base", () -> "ou=people");
        properties.add("calcon.directory.group-search-base", () -> "ou=groups");
        properties.add("calcon.directory.timeout", () -> "2s");
        properties.add("calcon.directory.role-groups.ADMIN", () -> "cn=Exchange Admins,ou=groups,dc=example,dc=org");
        properties.add("calcon.directory.role-groups.OPERATOR",
                () -> "cn=Operators,ou=groups,dc=example,dc=org; cn=Change Board,ou=groups,dc=example,dc=org");
        properties.add("calcon.directory.role-groups.HELPDESK", () -> "CN=Helpdesk, OU=Groups, DC=example, DC=org");
        properties.add("calcon.directory.site-groups.Osaka", () -> "cn=Osaka Team,ou=groups,dc=example,dc=org");
    }

    static String directoryUrl() {
        return "ldap://127.0.0.1:" + DIRECTORY.getListenPort();
    }

    Authentication signIn(String username, String password, String address) {
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return signIn.authenticate(attempt);
    }

    void breakGlassAdmin() {
        users.createIfAbsent("breakglass", "Break Glass", BREAK_GLASS_PASSWORD, Role.ADMIN);
    }

    static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream().map(a -> Objects.requireNonNull(a.getAuthority()))
                .filter(a -> a.startsWith("ROLE_")).toList();
    }

    private static InMemoryDirectoryServer startDirectory() {
        try {
            var config = new InMemoryDirectoryServerConfig("dc=example,dc=org", "dc=corp,dc=example");
            config.setSchema(null);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(),
                    freePort(), null));
            config.addInMemoryOperationInterceptor(new ActiveDirectoryBinds());
            var server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, Path.of("src/test/resources/ldap/directory.ldif").toFile());
            server.startListening();
            return server;
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException("the test directory did not start", e);
        }
    }

    /** A fixed port, so that a test can stop the directory and start it again where the console looks for it. */
    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Active Directory accepts a user principal name as the bind name; a plain LDAP server wants the DN. */
    private static final class ActiveDirectoryBinds extends InMemoryOperationInterceptor {
        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            SimpleBindRequest bind = request.getRequest();
            if (!bind.getBindDN().contains("@")) {
                return;
            }
            List<SearchResultEntry> found = DIRECTORY.search("dc=corp,dc=example", SearchScope.SUB,
                    Filter.createEqualityFilter("userPrincipalName", bind.getBindDN())).getSearchEntries();
            String dn = found.isEmpty() ? "cn=nobody,dc=corp,dc=example" : found.getFirst().getDN();
            request.setRequest(new SimpleBindRequest(dn, bind.getPassword().getValue()));
        }
    }

    /** The console's clock, moved by the tests (locks expire without waiting). */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
