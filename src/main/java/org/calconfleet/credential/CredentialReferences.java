package org.calconfleet.credential;

import java.util.List;

/**
 * Who refers to a credential by name. The features that do (the fleet) implement it, so the dependency points from
 * them to the vault and a credential in use is never deleted from under them.
 */
public interface CredentialReferences {

    /** What refers to {@code credentialName}, as people name it (e.g. host names); empty when nothing does. */
    List<String> referringTo(String credentialName);
}
