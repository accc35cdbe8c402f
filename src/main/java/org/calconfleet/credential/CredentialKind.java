package org.calconfleet.credential;

import java.util.Locale;

/** What a credential holds. Stored by name, so a constant is never renamed once rows carry it. */
public enum CredentialKind {
    /** A Windows account {@code DOMAIN\USER}; the password is the secret. */
    WINDOWS_ACCOUNT,
    /** The bearer token of a CalCon agent. */
    AGENT_TOKEN;

    public String messageKey() {
        return "credential.kind." + name().toLowerCase(Locale.ROOT);
    }
}
