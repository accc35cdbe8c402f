package org.calconfleet.credential;

import org.springframework.stereotype.Component;

/**
 * The vault for a feature that keeps a secret of its own beside its other settings (e.g. a webhook's signing
 * secret): sealed under the vault key, bound to a context naming what it belongs to, opened only by the service that
 * uses it. People never read it back.
 */
@Component
public class SecretSeal {

    private final Vault vault;

    SecretSeal(Vault vault) {
        this.vault = vault;
    }

    public SealedSecret seal(String plaintext, String context) {
        Sealed sealed = vault.seal(plaintext, context);
        return new SealedSecret(sealed.keyId(), sealed.nonce(), sealed.ciphertext());
    }

    /** The plaintext, or {@link SecretUnreadableException} when the key, the context or the stored bytes differ. */
    public String open(SealedSecret sealed, String context) {
        return vault.open(new Sealed(sealed.keyId(), sealed.nonce(), sealed.ciphertext()), context);
    }

    /** A sealed secret as a feature stores it: the vault key's id, the nonce and the ciphertext (base64). */
    public record SealedSecret(String keyId, String nonce, String ciphertext) {
    }
}
