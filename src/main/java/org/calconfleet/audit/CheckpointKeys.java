package org.calconfleet.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoint signing key as files: the key file holds the private key (PKCS#8) and its public key (X.509), both
 * PEM; beside it, {@code <key file>.pub} holds the public key alone, the one to hand to auditors.
 */
final class CheckpointKeys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private CheckpointKeys() {
    }

    static Path publicKeyFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".pub");
    }

    static KeyPair read(Path keyFile) throws IOException {
        String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        try {
            KeyFactory factory = KeyFactory.getInstance(AuditCheckpoint.ALGORITHM);
            return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(block(pem, PUBLIC, keyFile))),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(block(pem, PRIVATE, keyFile))));
        } catch (GeneralSecurityException e) {
            throw new IOException(keyFile + " holds no " + AuditCheckpoint.ALGORITHM + " key: " + e.getMessage(), e);
        }
    }

    static PublicKey readPublic(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        try {
            return KeyFactory.getInstance(AuditCheckpoint.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(block(pem, PUBLIC, file)));
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " holds no " + AuditCheckpoint.ALGORITHM + " public key: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Makes a new key pair in {@code keyFile} (readable by its owner only, where the file system can say so) and
     * its public key beside it. Several console nodes starting at once on a shared folder get one key: the file
     * appears whole or not at all, and a node that loses the race reads the winner's.
     */
    static KeyPair create(Path keyFile) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(AuditCheckpoint.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK 15+ has " + AuditCheckpoint.ALGORITHM, e);
        }
        Path folder = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path draft = Files.createTempFile(folder, ".checkpoint-key", ".tmp");
        try {
            ownerOnly(draft);
            Files.writeString(draft, pem(PRIVATE, pair.getPrivate().getEncoded()) + pem(PUBLIC,
                    pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            Files.createLink(keyFile, draft);
        } catch (FileAlreadyExistsException anotherNodeWasFirst) {
            return read(keyFile);
        } finally {
            Files.deleteIfExists(draft);
        }
        Files.writeString(publicKeyFile(keyFile), pem(PUBLIC, pair.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
        return pair;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's access list decides; the README says to restrict it.
        }
    }

    private static byte[] block(String pem, String type, Path file) throws IOException {
        Matcher matcher = Pattern.compile("-----BEGIN " + type + "-----([A-Za-z0-9+/=\\s]+)-----END " + type + "-----")
                .matcher(pem);
        if (!matcher.find()) {
            throw new IOException(file + " holds no PEM block '" + type + "'");
        }
        return Base64.getMimeDecoder().decode(matcher.group(1));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
