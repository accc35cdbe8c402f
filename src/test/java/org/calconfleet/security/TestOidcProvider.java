package org.calconfleet.security;

import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OpenID Connect provider in the test's JVM (NAV's mock-oauth2-server, issuer {@code /calcon}), one for every
 * test class that signs in through it; it runs until the JVM ends. Whom it signs in, with which claims, is queued
 * before each sign-in; it signs people in without a page of its own.
 */
public final class TestOidcProvider {

    public static final String ISSUER = "calcon";
    private static final MockOAuth2Server SERVER = start();

    private TestOidcProvider() {
    }

    private static MockOAuth2Server start() {
        var server = new MockOAuth2Server();
        server.start();
        return server;
    }

    /** Single sign-on switched on against this provider, its groups mapped to roles. */
    public static void configure(DynamicPropertyRegistry properties, String providerName) {
        properties.add("calcon.sso.enabled", () -> "true");
        properties.add("calcon.sso.name", () -> providerName);
        properties.add("calcon.sso.issuer-uri", TestOidcProvider::issuer);
        properties.add("calcon.sso.client-id", () -> "calcon-console");
        properties.add("calcon.sso.client-secret", () -> "test client secret");
        properties.add("calcon.sso.role-groups.ADMIN", () -> "calcon-admins");
        properties.add("calcon.sso.role-groups.OPERATOR", () -> "calcon-operators; change-board");
        properties.add("calcon.sso.role-groups.HELPDESK", () -> "service-desk");
    }

    public static String issuer() {
        return issuer(ISSUER);
    }

    public static String issuer(String issuerId) {
        return SERVER.issuerUrl(issuerId).toString();
    }

    /** The provider signs in the next user with these claims (beside sub, iss, aud, nonce and the times). */
    public static void signsInNext(String subject, Map<String, Object> claims) {
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", null, claims, 3600));
    }
}
