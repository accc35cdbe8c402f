package org.calconfleet.fleet;

import java.util.List;
import org.calconfleet.credential.CredentialReferences;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Servers refer to credentials by name: the vault asks here before it deletes one. */
@Component
class ServersUsingCredentials implements CredentialReferences {

    private final ExchangeServerRepository servers;

    ServersUsingCredentials(ExchangeServerRepository servers) {
        this.servers = servers;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> referringTo(String credentialName) {
        return servers.findHostNamesByCredentialName(credentialName);
    }
}
