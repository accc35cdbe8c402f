package org.calconfleet.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash that links an entry to its predecessor: SHA-256 over the previous hash and a canonical form of the
 * entry in which every field is length-prefixed, so no two different entries share a canonical form.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String prevHash, AuditEntry entry) {
        return sha256(prevHash + canonical(entry));
    }

    static String canonical(AuditEntry entry) {
        StringBuilder text = new StringBuilder();
        field(text, Long.toString(entry.getSeq()));
        field(text, entry.getOccurredAt().toString());
        field(text, entry.getActor());
        field(text, entry.getAction().name());
        field(text, entry.getSubject());
        field(text, entry.getBefore());
        field(text, entry.getAfter());
        field(text, entry.getReason());
        return text.toString();
    }

    private static void field(StringBuilder text, @Nullable String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
