package org.calconfleet.host.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where the console reaches one agent and which certificate it pins, as kept in a server record's backend address:
 * {@code https://exch01.corp.example:8443 sha256=<fingerprint>} (the fingerprint is the one the agent prints at
 * start). The agent's token is not part of it: it is a credential in the vault, named on the server. Addresses of
 * older versions carried it as a third part, {@code token=<token>}; {@link #legacy} takes such a text apart.
 */
public record AgentAddress(URI baseUri, CertificateFingerprint fingerprint) {

    public static final String FINGERPRINT_PART = "sha256=";
    public static final String TOKEN_PART = "token=";

    public AgentAddress {
        String problem = uriProblem(baseUri);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** An address of an older version: the same text without its token part, and the token. */
    public record Legacy(String address, String token) {
        @Override
        public String toString() {
            return "Legacy[" + address + ", token ****]";
        }
    }

    /** Reads an address; throws {@link IllegalArgumentException} whose message is the key of {@link #problem}. */
    public static AgentAddress parse(String text) {
        URI uri = null;
        CertificateFingerprint fingerprint = null;
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
            } else if (part.startsWith(TOKEN_PART)) {
                throw new IllegalArgumentException("agent.address.token");
            } else {
                throw new IllegalArgumentException("agent.address.unknown-part");
            }
        }
        if (fingerprint == null) {
            throw new IllegalArgumentException("agent.address.fingerprint");
        }
        return new AgentAddress(uri, fingerprint);
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

    /** Whether a text holds a {@code token=} part, as the addresses of older versions did. */
    public static boolean carriesToken(String text) {
        return Arrays.stream(text.strip().split("\\s+")).anyMatch(part -> part.startsWith(TOKEN_PART));
    }

    /** The text without its token parts and the (first non-empty) token, or empty when it carries none. */
    public static Optional<Legacy> legacy(String text) {
        if (!carriesToken(text)) {
            return Optional.empty();
        }
        List<String> kept = new ArrayList<>();
        String token = "";
        for (String part : text.strip().split("\\s+")) {
            if (!part.startsWith(TOKEN_PART)) {
                kept.add(part);
            } else if (token.isEmpty()) {
                token = part.substring(TOKEN_PART.length());
            }
        }
        return Optional.of(new Legacy(String.join(" ", kept), token));
    }

    /** The text that goes into the server record. */
    public String format() {
        return baseUri + " " + FINGERPRINT_PART + fingerprint;
    }

    @Override
    public String toString() {
        return format();
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
