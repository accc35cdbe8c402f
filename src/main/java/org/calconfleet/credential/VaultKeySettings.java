package org.calconfleet.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Where the vault key comes from: {@value #KEY_SETTING} (base64 of 32 bytes), else the file named by
 * {@value #FILE_SETTING}. With {@code createKeyFile} (the demo) a missing file is made with a new random key; an
 * existing file is never written. Error messages name the settings, never a key.
 */
record VaultKeySettings(String key, String keyFile, boolean createKeyFile) {

    static final String KEY_SETTING = "CALCON_VAULT_KEY (calcon.vault.key)";
    static final String FILE_SETTING = "CALCON_VAULT_KEY_FILE (calcon.vault.key-file)";
    static final String HOW_TO_MAKE = "base64 of 32 random bytes, e.g. from 'openssl rand -base64 32'";

    VaultKey load() {
        if (!key.isBlank()) {
            return decode(key, KEY_SETTING);
        }
        if (keyFile.isBlank()) {
            throw new VaultKeyException("No vault key: set " + KEY_SETTING + " to " + HOW_TO_MAKE + ", or "
                    + FILE_SETTING + " to a file holding it. It encrypts the host credentials and is never stored in"
                    + " the database; keep it, and back it up apart from the database.");
        }
        Path file = Path.of(keyFile.strip());
        String source = FILE_SETTING + " " + file.toAbsolutePath();
        if (!Files.exists(file)) {
            if (!createKeyFile) {
                throw new VaultKeyException("The vault key file " + file.toAbsolutePath() + " named by "
                        + FILE_SETTING + " does not exist. Put the key (" + HOW_TO_MAKE + ") there, or set "
                        + KEY_SETTING + ".");
            }
            create(file);
        }
        try {
            return decode(Files.readString(file, StandardCharsets.US_ASCII), source);
        } catch (IOException e) {
            throw new VaultKeyException("The vault key file named by " + source + " cannot be read: " + e, e);
        }
    }

    private static VaultKey decode(String text, String source) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new VaultKeyException("The vault key from " + source + " is not base64; it must be " + HOW_TO_MAKE
                    + ".");
        }
        if (raw.length != VaultKey.LENGTH) {
            throw new VaultKeyException("The vault key from " + source + " is " + raw.length + " bytes; it must be "
                    + HOW_TO_MAKE + ".");
        }
        return VaultKey.of(raw, source);
    }

    private static void create(Path file) {
        byte[] raw = new byte[VaultKey.LENGTH];
        new SecureRandom().nextBytes(raw);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(raw) + System.lineSeparator(),
                    StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            // another console started at the same moment made it: use theirs
        } catch (IOException e) {
            throw new VaultKeyException("The demo's vault key file " + file.toAbsolutePath() + " cannot be made: " + e,
                    e);
        }
    }
}
