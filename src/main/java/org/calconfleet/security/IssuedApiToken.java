package org.calconfleet.security;

/** A token just made: the only moment its secret exists outside the caller's hands. */
public record IssuedApiToken(ApiTokenInfo info, String secret) {

    @Override
    public String toString() {
        return "IssuedApiToken[" + info + "]";
    }
}
