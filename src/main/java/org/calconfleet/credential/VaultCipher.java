package org.calconfleet.credential;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce for every sealing. The context (e.g. the credential's name and kind)
 * is authenticated as associated data, so a ciphertext copied onto another row does not open there.
 */
final class VaultCipher {

    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final VaultKey key;
    private final SecureRandom random = new SecureRandom();

    VaultCipher(VaultKey key) {
        this.key = key;
    }

    String keyId() {
        return key.id();
    }

    Sealed seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(key.id(), Base64.getEncoder().encodeToString(nonce),
                    Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /** The plaintext, or {@link SecretUnreadableException} when the key, the context or the stored bytes differ. */
    String open(Sealed sealed, String context) {
        if (!sealed.keyId().equals(key.id())) {
            throw new SecretUnreadableException("sealed under vault key " + sealed.keyId()
                    + ", but the configured key is " + key.id());
        }
        try {
            byte[] nonce = Base64.getDecoder().decode(sealed.nonce());
            if (nonce.length != NONCE_BYTES) {
                throw new SecretUnreadableException("the stored nonce is not " + NONCE_BYTES + " bytes");
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())),
                    StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new SecretUnreadableException("the stored secret does not open under vault key " + key.id()
                    + ": it or its row was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
