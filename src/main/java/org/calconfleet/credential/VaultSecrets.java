package org.calconfleet.credential;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class VaultSecrets implements CredentialSecrets {

    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final CredentialRepository credentials;
    private final Vault vault;
    private final Clock clock;

    VaultSecrets(CredentialRepository credentials, Vault vault, Clock clock) {
        this.credentials = credentials;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    @Transactional
    public WindowsAccount windowsAccount(String name) {
        Credential credential = find(name, CredentialKind.WINDOWS_ACCOUNT);
        String account = credential.getAccount() == null ? "" : credential.getAccount();
        int slash = account.indexOf('\\');
        String domain = account.substring(0, Math.max(slash, 0));
        return new WindowsAccount(domain.equals(WindowsAccount.OWN_HOST) ? "" : domain, account.substring(slash + 1),
                open(credential));
    }

    @Override
    @Transactional
    public AgentToken agentToken(String name) {
        return new AgentToken(open(find(name, CredentialKind.AGENT_TOKEN)));
    }

    private Credential find(String name, CredentialKind kind) {
        Credential credential = credentials.findByName(name)
                .orElseThrow(() -> new MissingCredentialException("no credential named '" + name + "'"));
        if (credential.getKind() != kind) {
            throw new MissingCredentialException("credential '" + name + "' is a " + credential.getKind()
                    + ", not a " + kind);
        }
        return credential;
    }

    private String open(Credential credential) {
        String secret = vault.open(credential.sealed(), credential.sealingContext());
        Instant now = clock.instant();
        credentials.markUsed(credential.getName(), now, now.minus(USE_RESOLUTION));
        return secret;
    }
}
