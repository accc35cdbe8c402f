package org.calconfleet.credential;

/** A secret as stored: the id of the key that sealed it, the 96-bit nonce and the ciphertext with its tag (base64). */
record Sealed(String keyId, String nonce, String ciphertext) {
}
