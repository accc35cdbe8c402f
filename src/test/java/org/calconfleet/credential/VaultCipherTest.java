package org.calconfleet.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VaultCipherTest {

    private static final String SECRET = "Pa55-w0rd for CORP\\svc-calcon";
    private static final String CONTEXT = "calcon-credential\nsvc\nWINDOWS_ACCOUNT\nCORP\\svc-calcon";

    static VaultKey key(int fill) {
        byte[] raw = new byte[VaultKey.LENGTH];
        java.util.Arrays.fill(raw, (byte) fill);
        return VaultKey.of(raw, "a test");
    }

    private final VaultCipher cipher = new VaultCipher(key(7));

    @Test
    void a_sealed_secret_opens_to_itself_and_its_ciphertext_does_not_show_it() {
        Sealed sealed = cipher.seal(SECRET, CONTEXT);

        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(sealed.keyId()).isEqualTo(key(7).id()).hasSize(16);
        assertThat(Base64.getDecoder().decode(sealed.nonce())).hasSize(12);
        assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Pa55");
    }

    @Test
    void every_sealing_takes_a_new_nonce_so_the_same_secret_never_looks_the_same() {
        Set<String> nonces = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Sealed sealed = cipher.seal(SECRET, CONTEXT);
            nonces.add(sealed.nonce());
            ciphertexts.add(sealed.ciphertext());
        }
        assertThat(nonces).hasSize(200);
        assertThat(ciphertexts).hasSize(200);
    }

    @Test
    void a_changed_byte_of_the_ciphertext_or_the_nonce_is_detected() {
        Sealed sealed = cipher.seal(SECRET, CONTEXT);
        byte[] ciphertext = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] nonce = Base64.getDecoder().decode(sealed.nonce());
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            Sealed altered = new Sealed(sealed.keyId(), sealed.nonce(), Base64.getEncoder().encodeToString(tampered));
            assertThatThrownBy(() -> cipher.open(altered, CONTEXT)).as("byte %d", i)
                    .isInstanceOf(SecretUnreadableException.class).hasMessageNotContaining(SECRET);
        }
        nonce[0] ^= 0x01;
        Sealed otherNonce = new Sealed(sealed.keyId(), Base64.getEncoder().encodeToString(nonce), sealed.ciphertext());
        assertThatThrownBy(() -> cipher.open(otherNonce, CONTEXT)).isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void a_secret_moved_to_another_credentials_context_does_not_open_there() {
        Sealed sealed = cipher.seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.open(sealed, CONTEXT.replace("svc\n", "other\n")))
                .isInstanceOf(SecretUnreadableException.class);
    }

    @Test
    void another_key_does_not_open_it_even_when_the_row_claims_that_keys_id() {
        Sealed sealed = cipher.seal(SECRET, CONTEXT);
        VaultCipher other = new VaultCipher(key(8));

        assertThatThrownBy(() -> other.open(sealed, CONTEXT)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining(key(7).id()).hasMessageContaining(key(8).id());
        Sealed relabelled = new Sealed(key(8).id(), sealed.nonce(), sealed.ciphertext());
        assertThatThrownBy(() -> other.open(relabelled, CONTEXT)).isInstanceOf(SecretUnreadableException.class);
    }
}
