package org.calconfleet.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One credential; its secret only ever sealed. Not public: people see {@link CredentialInfo}. */
@Entity
@Table(name = "credential")
class Credential {

    static final int NAME_MAX = 64;
    static final int ACCOUNT_MAX = 256;
    static final int SECRET_MAX = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CredentialKind kind = CredentialKind.AGENT_TOKEN;

    @Column(length = ACCOUNT_MAX)
    private @Nullable String account;

    @Column(name = "key_id", nullable = false)
    private String keyId = "";

    @Column(nullable = false)
    private String nonce = "";

    @Column(nullable = false)
    private String ciphertext = "";

    @Column(name = "created_by", nullable = false)
    private String createdBy = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.EPOCH;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "last_rotated_at")
    private @Nullable Instant lastRotatedAt;

    @Version
    private long version;

    protected Credential() {
    }

    Credential(String name, CredentialKind kind, @Nullable String account, String createdBy, Instant createdAt) {
        this.name = name;
        this.kind = kind;
        this.account = account;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /**
     * What the sealed secret is bound to: a ciphertext copied onto another credential, or a row whose kind or account
     * was edited in the database, no longer opens.
     */
    String sealingContext() {
        return "calcon-credential\n" + name + "\n" + kind + "\n" + (account == null ? "" : account);
    }

    void seal(Sealed sealed) {
        this.keyId = sealed.keyId();
        this.nonce = sealed.nonce();
        this.ciphertext = sealed.ciphertext();
    }

    Sealed sealed() {
        return new Sealed(keyId, nonce, ciphertext);
    }

    void rotated(Instant when) {
        this.lastRotatedAt = when;
    }

    CredentialInfo info() {
        return new CredentialInfo(name, kind, account, createdBy, createdAt, lastUsedAt, lastRotatedAt);
    }

    String getName() {
        return name;
    }

    CredentialKind getKind() {
        return kind;
    }

    @Nullable String getAccount() {
        return account;
    }

    @Override
    public String toString() {
        return "Credential[" + name + ", " + kind + "]";
    }
}
