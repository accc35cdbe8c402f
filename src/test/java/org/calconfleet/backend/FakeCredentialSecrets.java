package org.calconfleet.backend;

import java.util.HashMap;
import java.util.Map;
import org.calconfleet.credential.AgentToken;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.MissingCredentialException;
import org.calconfleet.credential.WindowsAccount;

/** A vault of a few agent tokens for backend tests that need no database; unknown names fail as the vault does. */
final class FakeCredentialSecrets implements CredentialSecrets {

    private final Map<String, String> tokens = new HashMap<>();

    FakeCredentialSecrets withAgentToken(String name, String token) {
        tokens.put(name, token);
        return this;
    }

    @Override
    public WindowsAccount windowsAccount(String name) {
        throw new MissingCredentialException("this vault holds agent tokens only, not '" + name + "'");
    }

    @Override
    public AgentToken agentToken(String name) {
        String token = tokens.get(name);
        if (token == null) {
            throw new MissingCredentialException("no credential named '" + name + "'");
        }
        return new AgentToken(token);
    }
}
