package org.calconfleet.host.agent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of an agent's certificate (of its DER encoding, as {@code openssl x509 -fingerprint
 * -sha256} and {@code keytool -printcert} show it). Written as 32 colon-separated upper-case hex pairs; read
 * with or without colons, in either case.
 */
public final class CertificateFingerprint {

    private static final Pattern TEXT = Pattern.compile("[0-9A-Fa-f]{64}|[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}");
    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] sha256;

    private CertificateFingerprint(byte[] sha256) {
        this.sha256 = sha256.clone();
    }

    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return new CertificateFingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** Reads a fingerprint; empty when the text is not 64 hex digits (colon pairs allowed). */
    public static Optional<CertificateFingerprint> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.regionMatches(true, 0, "sha256:", 0, 7)) {
            trimmed = trimmed.substring(7);
        }
        if (!TEXT.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        return Optional.of(new CertificateFingerprint(HexFormat.of().parseHex(trimmed.replace(":", ""))));
    }

    public static CertificateFingerprint require(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a SHA-256 fingerprint (64 hex digits, colons allowed): " + text));
    }

    /** Constant-time comparison with another certificate's fingerprint. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(sha256, of(certificate).sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint f && MessageDigest.isEqual(sha256, f.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    /** {@code AB:CD:…}, 95 characters. */
    @Override
    public String toString() {
        return HEX.formatHex(sha256).toUpperCase(Locale.ROOT);
    }
}
