package org.calconfleet.operations;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;
import org.calconfleet.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Who may read {@code /actuator/**}, in a chain of its own ahead of the UI's: health for everyone (load balancers;
 * details only for an ADMIN, see {@code management.endpoint.health.*}), the Prometheus metrics for a signed-in ADMIN or
 * a scraper sending {@code Authorization: Bearer <calcon.metrics.scrape-token>}, everything else for an ADMIN. No
 * token configured: only an ADMIN's session reads the metrics. A refusal is a bare 401/403, never the login page.
 */
@Configuration
class ActuatorSecurity {

    static final String PROMETHEUS = "/actuator/prometheus";

    @Bean
    @Order(10)
    SecurityFilterChain actuatorEndpoints(HttpSecurity http,
            @Value("${calcon.metrics.scrape-token:}") String scrapeToken) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> admin = AuthorityAuthorizationManager.hasRole(Role.ADMIN_NAME);
        ScrapeToken token = new ScrapeToken(scrapeToken);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(PROMETHEUS).access(new AdminOrToken(admin, token))
                        .anyRequest().access(admin))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    /** A signed-in ADMIN, or a request carrying the scrape token. */
    private record AdminOrToken(AuthorizationManager<RequestAuthorizationContext> admin, ScrapeToken token)
            implements AuthorizationManager<RequestAuthorizationContext> {

        @Override
        public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
                RequestAuthorizationContext context) {
            if (token.presentedIn(context.getRequest())) {
                return new AuthorizationDecision(true);
            }
            return admin.authorize(authentication, context);
        }
    }

    /** The configured token, kept only as its SHA-256 and compared in constant time; blank means none. */
    static final class ScrapeToken {

        private final byte @Nullable [] hash;

        ScrapeToken(String configured) {
            this.hash = configured.isBlank() ? null : sha256(configured.strip());
        }

        boolean presentedIn(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (hash == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return false;
            }
            return MessageDigest.isEqual(hash, sha256(header.substring(7).strip()));
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
