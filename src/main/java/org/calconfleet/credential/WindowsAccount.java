package org.calconfleet.credential;

/**
 * A Windows account for a backend to log on with; an empty domain means the host's own accounts (written
 * {@code .\USER}). {@link #toString()} never shows the password.
 */
public record WindowsAccount(String domain, String user, String password) {

    static final String OWN_HOST = ".";

    /** {@code DOMAIN\USER}, as people write it. */
    public String qualifiedName() {
        return (domain.isEmpty() ? OWN_HOST : domain) + "\\" + user;
    }

    @Override
    public String toString() {
        return "WindowsAccount[" + qualifiedName() + ", password ****]";
    }
}
