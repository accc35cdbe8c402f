package org.calconfleet.backend;

import java.util.HashMap;
import java.util.Map;
import org.calconfleet.credential.AgentToken;
import org.calconfleet.credential.CredentialSecrets;
import org.calconfleet.credential.MissingCredentialException;
import org.calconfleet.credential.WindowsAccount;

/** A vault of a few credentials for backend tests that need no database; unknown names fail as the vault does. */
final class FakeCredentialSecrets implements CredentialSecrets {

    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, WindowsAccount> accounts = new HashMap<>();

    FakeCredentialSecrets withAgentToken(String name, String token) {
        tokens.put(name, token);
        return this;
    }

    FakeCredentialSecrets withWindowsAccount(String name, WindowsAccount account) {
        accounts.put(name, account);
        return this;
    }

    @Override
    public WindowsAccount windowsAccount(String name) {
        return found(accounts.get(name), name);
    }

    @Override
    public AgentToken agentToken(String name) {
        return new AgentToken(found(tokens.get(name), name));
    }

    private static <T> T found(T value, String name) {
        if (value == null) {
            throw new MissingCredentialException("no credential named '" + name + "'");
        }
        return value;
    }
}
