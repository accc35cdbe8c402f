package org.calconfleet.fleet;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A server's name as Windows knows it: a NetBIOS name (at most 15 characters) or a DNS name (labels of letters,
 * digits and hyphens, at most 63 characters each, not starting or ending with a hyphen; 253 in all).
 */
public final class HostNames {

    public static final int NETBIOS_MAX = 15;
    public static final int DNS_LABEL_MAX = 63;
    public static final int DNS_NAME_MAX = 253;
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");

    private HostNames() {
    }

    /** The message key of the first rule the name breaks, or empty when it is a valid name. */
    public static Optional<String> problem(String name) {
        if (name.isBlank()) {
            return Optional.of("fleet.host.blank");
        }
        if (name.length() > DNS_NAME_MAX) {
            return Optional.of("fleet.host.tooLong");
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.length() > DNS_LABEL_MAX || !LABEL.matcher(label).matches()) {
                return Optional.of("fleet.host.badLabel");
            }
        }
        if (labels.length == 1 && name.length() > NETBIOS_MAX) {
            return Optional.of("fleet.host.netbiosTooLong");
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of("fleet.host.numeric");
        }
        return Optional.empty();
    }
}
