package org.calconfleet.credential;

/**
 * The one way to a secret in clear, for host backends only (never a screen, the REST API or an export: the
 * architecture test holds that). Each call marks the credential used. No role check: backends run in the job
 * engine's threads, with nobody signed in.
 */
public interface CredentialSecrets {

    /** @throws MissingCredentialException when no credential has this name or it is not a Windows account */
    WindowsAccount windowsAccount(String name);

    /** @throws MissingCredentialException when no credential has this name or it is not an agent token */
    AgentToken agentToken(String name);
}
