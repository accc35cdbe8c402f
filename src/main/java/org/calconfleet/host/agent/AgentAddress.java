package org.calconfleet.host.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where and how the console reaches one agent, as kept in a server record's backend address:
 * {@code https://exch01.corp.example:8443 sha256=<fingerprint> token=<token>} (three parts separated by spaces, the
 * last two in any order). The fingerprint is the one the agent prints at start; the token the one it prints once
 * on first start (or was given in {@code CALCON_AGENT_TOKEN}). {@link #toString()} never shows the token.
 */
public record AgentAddress(URI baseUri, CertificateFingerprint fingerprint, String token) {

    public static final String FINGERPRINT_PART = "sha256=";
    public static final String TOKEN_PART = "token=";

    public AgentAddress {
        String problem = uriProblem(baseUri);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!AgentApi.TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("agent.address.token");
        }
    }

    /** Reads an address; throws {@link IllegalArgumentException} whose message is the key of {@link #problem}. */
    public static AgentAddress parse(String text) {
        URI uri = null;
        CertificateFingerprint fingerprint = null;
        String token = null;
        String[] parts = text.strip().split("\\s+");
        if (text.isBlank()) {
            throw new IllegalArgumentException("agent.address.blank");
        }
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                uri = uri(part);
            } else if (part.startsWith(FINGERPRINT_PART) && fingerprint == null) {
                fingerprint = CertificateFingerprint.parse(part.substring(FINGERPRINT_PART.length()))
                        .orElseThrow(() -> new IllegalArgumentException("agent.address.fingerprint"));
            } else if (part.startsWith(TOKEN_PART) && token == null) {
                token = part.substring(TOKEN_PART.length());
                if (!AgentApi.TOKEN.matcher(token).matches()) {
                    throw new IllegalArgumentException("agent.address.token");
                }
            } else {
                throw new IllegalArgumentException("agent.address.unknown-part");
            }
        }
        if (fingerprint == null) {
            throw new IllegalArgumentException("agent.address.fingerprint");
        }
        if (token == null) {
            throw new IllegalArgumentException("agent.address.token");
        }
        return new AgentAddress(uri, fingerprint, token);
    }

    /** The i18n key of what is wrong with an address, or empty when it can be used. */
    public static Optional<String> problem(String text) {
        try {
            parse(text);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String key = e.getMessage();
            return Optional.of(key != null && key.startsWith("agent.address.") ? key : "agent.address.url");
        }
    }

    /** The full text, token included: what goes into the server record. */
    public String format() {
        return baseUri + " " + FINGERPRINT_PART + fingerprint + " " + TOKEN_PART + token;
    }

    /** For screens and logs: the token replaced. */
    public String redacted() {
        return baseUri + " " + FINGERPRINT_PART + fingerprint + " " + TOKEN_PART + "****";
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            String problem = uriProblem(uri);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("agent.address.url");
        }
    }

    private static @Nullable String uriProblem(URI uri) {
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !bare || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "agent.address.url";
        }
        return null;
    }
}
