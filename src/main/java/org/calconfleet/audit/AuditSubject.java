package org.calconfleet.audit;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an audit entry is about, one factory per kind: the trail is searched and scoped by these strings, so each kind
 * is spelled in this one place.
 */
public final class AuditSubject {

    /** The trail itself: its exports, verifications and checkpoints. */
    public static final String AUDIT = "audit";
    /** The inventory as a whole, as an import changes it. */
    public static final String FLEET = "fleet";
    public static final String POLICY = "policy";
    public static final String WEBHOOK = "policy:webhook";
    public static final String DRIFT_SCAN = "drift-scan";
    /** An API token that matches no token the console issued, so no owner is known. */
    public static final String UNKNOWN_API_TOKEN = "api-token";

    private static final String SERVER = "server:";
    private static final String CHANGE = "change:";
    private static final String USER = "user:";
    private static final String SITE = "site:";
    private static final String ADDRESS = "address:";
    private static final String CREDENTIAL = "credential:";
    private static final String DIRECTORY = "directory:";

    public static String server(String hostName) {
        return SERVER + hostName;
    }

    public static String change(long changeId) {
        return CHANGE + changeId;
    }

    public static String user(String username) {
        return USER + username;
    }

    public static String site(String site) {
        return SITE + site;
    }

    /** A network address sign-ins or API calls come from. */
    public static String address(String address) {
        return ADDRESS + address;
    }

    public static String credential(String name) {
        return CREDENTIAL + name;
    }

    /** A directory (a configuration naming context) the fleet was discovered in. */
    public static String directory(String namingContext) {
        return DIRECTORY + namingContext;
    }

    /** The host name of a server subject; empty for a subject of another kind. */
    public static Optional<String> serverOf(String subject) {
        return subject.startsWith(SERVER) ? Optional.of(subject.substring(SERVER.length())) : Optional.empty();
    }

    public static boolean isChange(String subject) {
        return subject.startsWith(CHANGE);
    }

    /** The change of a change subject; empty for a subject of another kind or one that names no change. */
    public static OptionalLong changeOf(String subject) {
        if (!isChange(subject)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(subject.substring(CHANGE.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private AuditSubject() {
    }
}
