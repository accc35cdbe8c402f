/**
 * Host credentials in a vault: Windows accounts and agent tokens, each secret sealed with AES-GCM under a key that
 * lives outside the database. People create, rotate and delete them and never read a secret back; backends take
 * them by name through {@link org.calconfleet.credential.CredentialSecrets}. Servers refer to a credential by name.
 */
@NullMarked
package org.calconfleet.credential;

import org.jspecify.annotations.NullMarked;
