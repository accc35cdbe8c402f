package org.calconfleet.credential;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.calconfleet.common.SeedLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The configured key, proven at start-up against the key check kept in {@code vault_key}: a value sealed under the
 * key when the database first met it. A key the database has not met while it holds a check of another key, or a
 * check that does not open, stops the start-up before anything is sealed, so nothing is overwritten.
 */
@Component
class Vault implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Vault.class);
    static final String CHECK_CONTEXT = "calcon-vault-key-check";
    static final String CHECK_VALUE = "CalCon vault key check";

    private final VaultKeySettings settings;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SeedLock seedLock;
    private final Clock clock;
    private @Nullable VaultCipher cipher;

    Vault(@Value("${calcon.vault.key:}") String key, @Value("${calcon.vault.key-file:}") String keyFile,
          @Value("${calcon.vault.create-key-file:false}") boolean createKeyFile, JdbcTemplate jdbc,
          PlatformTransactionManager transactions, SeedLock seedLock, Clock clock) {
        this.settings = new VaultKeySettings(key, keyFile, createKeyFile);
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.seedLock = seedLock;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        VaultKey key = settings.load();
        VaultCipher candidate = new VaultCipher(key);
        transactions.executeWithoutResult(status -> {
            seedLock.hold();
            prove(candidate, key);
        });
        this.cipher = candidate;
    }

    private void prove(VaultCipher candidate, VaultKey key) {
        record Check(String keyId, String nonce, String value) {
        }
        List<Check> checks = jdbc.query("select key_id, check_nonce, check_value from vault_key",
                (row, n) -> new Check(row.getString(1), row.getString(2), row.getString(3)));
        Check mine = checks.stream().filter(c -> c.keyId().equals(key.id())).findFirst().orElse(null);
        if (mine == null && !checks.isEmpty()) {
            throw new VaultKeyException("The vault key from " + key.source() + " (key id " + key.id()
                    + ") is not the key this database's credentials are sealed with (key id "
                    + String.join(", ", checks.stream().map(Check::keyId).toList())
                    + "). Start with the right key; nothing was changed.");
        }
        if (mine == null) {
            Sealed check = candidate.seal(CHECK_VALUE, CHECK_CONTEXT);
            jdbc.update("insert into vault_key (key_id, check_nonce, check_value, created_at) values (?, ?, ?, ?)",
                    check.keyId(), check.nonce(), check.ciphertext(), Timestamp.from(clock.instant()));
            log.info("Vault key {} (from {}) is now this database's key", key.id(), key.source());
            return;
        }
        try {
            if (!CHECK_VALUE.equals(candidate.open(new Sealed(mine.keyId(), mine.nonce(), mine.value()),
                    CHECK_CONTEXT))) {
                throw new SecretUnreadableException("the key check opened to another value");
            }
        } catch (SecretUnreadableException e) {
            throw new VaultKeyException("The vault key from " + key.source() + " does not open this database's key"
                    + " check (" + e.getMessage() + "). Start with the right key; nothing was changed.", e);
        }
    }

    Sealed seal(String plaintext, String context) {
        return cipher().seal(plaintext, context);
    }

    String open(Sealed sealed, String context) {
        return cipher().open(sealed, context);
    }

    private VaultCipher cipher() {
        VaultCipher proven = cipher;
        if (proven == null) {
            throw new IllegalStateException("the vault is used before its key was proven");
        }
        return proven;
    }
}
