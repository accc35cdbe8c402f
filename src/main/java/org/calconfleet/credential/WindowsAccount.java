package org.calconfleet.credential;

/** A Windows account for a backend to log on with. {@link #toString()} never shows the password. */
public record WindowsAccount(String domain, String user, String password) {

    /** {@code DOMAIN\USER}, as people write it. */
    public String qualifiedName() {
        return domain + "\\" + user;
    }

    @Override
    public String toString() {
        return "WindowsAccount[" + qualifiedName() + ", password ****]";
    }
}
