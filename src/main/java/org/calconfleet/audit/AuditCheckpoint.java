package org.calconfleet.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A signed statement that the chain's entry {@code seq} had the hash {@code headHash} at {@code writtenAt}: once
 * written outside the database, a rewrite of the chain up to {@code seq} cannot match it without the private key.
 * Its file is plain text, so an auditor can read it and keep it anywhere.
 */
public record AuditCheckpoint(long number, long seq, String headHash, Instant writtenAt, String node,
                              byte[] signature) {

    static final String ALGORITHM = "Ed25519";
    private static final String TITLE = "CalCon audit checkpoint";
    private static final String SIGNATURE = "signature";
    private static final Pattern FILE_NAME = Pattern.compile("audit-checkpoint-(\\d{12})\\.txt");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public AuditCheckpoint {
        signature = signature.clone();
    }

    static AuditCheckpoint sign(long number, long seq, String headHash, Instant writtenAt, String node,
            PrivateKey key) {
        String oneLineNode = node.replaceAll("\\R", " ");
        AuditCheckpoint unsigned = new AuditCheckpoint(number, seq, headHash, writtenAt, oneLineNode, new byte[0]);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(unsigned.signedText().getBytes(StandardCharsets.UTF_8));
            return new AuditCheckpoint(number, seq, headHash, writtenAt, oneLineNode, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the checkpoint key cannot sign with " + ALGORITHM, e);
        }
    }

    boolean isSignedBy(PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedText().getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The lines the signature covers. */
    private String signedText() {
        return TITLE + "\nnumber=" + number + "\nseq=" + seq + "\nhead=" + headHash + "\ntime=" + writtenAt
                + "\nnode=" + node + "\n";
    }

    public String text() {
        return signedText() + SIGNATURE + "=" + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    public String fileName() {
        return fileName(number);
    }

    static String fileName(long number) {
        return "audit-checkpoint-%012d.txt".formatted(number);
    }

    /** The number a checkpoint file's name carries; empty for any other file. */
    static Optional<Long> numberOfFile(String fileName) {
        var matcher = FILE_NAME.matcher(fileName);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** The checkpoint a file holds; empty when it is not one (its signature is checked separately). */
    static Optional<AuditCheckpoint> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 7 || !lines[0].equals(TITLE)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int equals = lines[i].indexOf('=');
            if (equals > 0) {
                values.put(lines[i].substring(0, equals), lines[i].substring(equals + 1));
            }
        }
        try {
            String head = values.getOrDefault("head", "");
            if (!HASH.matcher(head).matches()) {
                return Optional.empty();
            }
            return Optional.of(new AuditCheckpoint(Long.parseLong(values.getOrDefault("number", "")),
                    Long.parseLong(values.getOrDefault("seq", "")), head,
                    Instant.parse(values.getOrDefault("time", "")), values.getOrDefault("node", ""),
                    Base64.getDecoder().decode(values.getOrDefault(SIGNATURE, ""))));
        } catch (IllegalArgumentException | DateTimeParseException notACheckpoint) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditCheckpoint that && text().equals(that.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "checkpoint #" + number + " at entry #" + seq;
    }
}
