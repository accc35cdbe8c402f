package org.calconfleet.host.rpc;

/**
 * The Windows account the console logs on to a host with over NTLM: {@code DOMAIN}&#92;{@code user} and its password.
 * An empty domain means the host's own accounts. {@link #toString()} never shows the password, so an account
 * may appear in logs and failure details.
 */
public record RpcAccount(String domain, String user, String password) {

    public RpcAccount {
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }

    @Override
    public String toString() {
        return (domain.isEmpty() ? "" : domain + "\\") + user;
    }
}
