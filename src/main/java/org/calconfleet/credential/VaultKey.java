package org.calconfleet.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's AES-256 key and its id. The id is derived from the key (a truncated SHA-256 under a label of its own),
 * so a row sealed under another key says so by its id alone, and the id reveals nothing usable about the key.
 */
final class VaultKey {

    static final int LENGTH = 32;
    private static final byte[] ID_LABEL = "calcon-vault-key-id:".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;
    private final String id;
    private final String source;

    private VaultKey(byte[] raw, String source) {
        if (raw.length != LENGTH) {
            throw new IllegalArgumentException("a vault key is " + LENGTH + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.id = idOf(raw);
        this.source = source;
    }

    static VaultKey of(byte[] raw, String source) {
        return new VaultKey(raw, source);
    }

    SecretKey secretKey() {
        return key;
    }

    String id() {
        return id;
    }

    /** Which setting the key came from, for error messages. */
    String source() {
        return source;
    }

    private static String idOf(byte[] raw) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] digest = sha256.digest(raw);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "VaultKey[id=" + id + ", from " + source + "]";
    }
}
