package org.calconfleet.discovery;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's version as {@code serialNumber} states it, e.g. {@code Version 8.3 (Build 30083.6)}: 8.x is Exchange
 * 2007 (8.1 = SP1 … 8.3 = SP3), 14.x Exchange 2010, 6.5 Exchange 2003.
 *
 * @param build the build as written, e.g. {@code 30083.6}
 */
public record ExchangeBuild(int major, int minor, String build) {

    private static final Pattern SERIAL_NUMBER = Pattern.compile(
            "Version\\s+(\\d+)\\.(\\d+)\\s*(?:\\(Build\\s+([\\d.]*\\d))?", Pattern.CASE_INSENSITIVE);

    public static Optional<ExchangeBuild> parse(String serialNumber) {
        Matcher matcher = SERIAL_NUMBER.matcher(serialNumber);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String build = matcher.group(3) == null ? "" : matcher.group(3);
        return Optional.of(new ExchangeBuild(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                build));
    }

    public boolean isExchange2007() {
        return major == 8;
    }

    /** The version as the inventory writes it ({@code 2007 SP3}); {@code major.minor} for a release it does not name. */
    public String inventoryVersion() {
        String release = switch (major) {
            case 6 -> minor == 5 ? "2003" : "2000";
            case 8 -> "2007";
            case 14 -> "2010";
            case 15 -> minor == 0 ? "2013" : minor == 1 ? "2016" : "2019";
            default -> "";
        };
        if (release.isEmpty()) {
            return major + "." + minor;
        }
        return (major == 8 || major == 14) && minor > 0 ? release + " SP" + minor : release;
    }

    @Override
    public String toString() {
        return major + "." + minor + (build.isEmpty() ? "" : " (" + build + ")");
    }
}
