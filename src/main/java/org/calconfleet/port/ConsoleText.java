package org.calconfleet.port;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What may be written into a Domino console line or a netsh command. The Domino console splits its
 * arguments at spaces and treats quotes specially, and a command is pasted or sent as one line, so
 * names are held to the characters of DNS and NetBIOS names: ASCII letters, digits, '.', '-' and '_'.
 * Anything else is refused rather than escaped, because there is no escaping both consoles agree on.
 */
public final class ConsoleText {

    public static final int LONGEST_HOST_NAME = 253;
    public static final int LONGEST_NAME = 255;

    private static final Set<Integer> QUOTES = Set.of(
            (int) '\'', (int) '"', (int) '`', 0x00B4, 0x2018, 0x2019, 0x201C, 0x201D, 0xFF02, 0xFF07);
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private ConsoleText() {
    }

    public static List<ConsoleRefusal> refusalsForName(ConsoleField field, String value) {
        if (value.isBlank()) {
            return List.of(ConsoleRefusal.of(field, ConsoleRefusalReason.EMPTY));
        }
        var refusals = new ArrayList<ConsoleRefusal>();
        if (value.length() > field.maxLength()) {
            refusals.add(ConsoleRefusal.of(field, ConsoleRefusalReason.TOO_LONG, value.length(), field.maxLength()));
        }
        var seen = EnumSet.noneOf(ConsoleRefusalReason.class);
        value.codePoints().forEach(codePoint -> {
            var reason = reasonToRefuse(codePoint);
            if (reason != null && seen.add(reason)) {
                refusals.add(switch (reason) {
                    case WHITESPACE -> ConsoleRefusal.of(field, reason, visible(value));
                    case CONTROL_CHARACTER -> ConsoleRefusal.of(field, reason, visible(value), codePointName(codePoint));
                    default -> ConsoleRefusal.of(field, reason, visible(value), visible(Character.toString(codePoint)));
                });
            }
        });
        if (value.startsWith("-")) {
            refusals.add(ConsoleRefusal.of(field, ConsoleRefusalReason.LEADING_HYPHEN, visible(value)));
        }
        return List.copyOf(refusals);
    }

    /** An IPv4 or IPv6 address literal, the only form netsh's remoteip takes for one host. */
    public static List<ConsoleRefusal> refusalsForIpAddress(ConsoleField field, String value) {
        if (value.isBlank()) {
            return List.of(ConsoleRefusal.of(field, ConsoleRefusalReason.EMPTY));
        }
        if (IPV4.matcher(value).matches() || isIpv6(value)) {
            return List.of();
        }
        return List.of(ConsoleRefusal.of(field, ConsoleRefusalReason.NOT_AN_IP_ADDRESS, visible(value)));
    }

    /** The value with invisible characters written as U+XXXX, so a message shows what was refused. */
    static String visible(String value) {
        var text = new StringBuilder();
        value.codePoints().forEach(codePoint -> {
            if (isInvisible(codePoint)) {
                text.append('<').append(codePointName(codePoint)).append('>');
            } else {
                text.appendCodePoint(codePoint);
            }
        });
        return text.toString();
    }

    private static ConsoleRefusalReason reasonToRefuse(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return ConsoleRefusalReason.WHITESPACE;
        }
        if (isInvisible(codePoint)) {
            return ConsoleRefusalReason.CONTROL_CHARACTER;
        }
        if (QUOTES.contains(codePoint)) {
            return ConsoleRefusalReason.QUOTE;
        }
        if (isNameCharacter(codePoint)) {
            return null;
        }
        return ConsoleRefusalReason.UNSAFE_CHARACTER;
    }

    private static boolean isNameCharacter(int codePoint) {
        return (codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                || (codePoint >= '0' && codePoint <= '9') || codePoint == '.' || codePoint == '-' || codePoint == '_';
    }

    private static boolean isInvisible(int codePoint) {
        var type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String codePointName(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }

    private static boolean isIpv6(String value) {
        if (!value.contains(":") || value.contains(":::")) {
            return false;
        }
        var groups = 0;
        var address = value;
        var lastColon = address.lastIndexOf(':');
        if (address.indexOf('.') >= 0) {
            if (!IPV4.matcher(address.substring(lastColon + 1)).matches()) {
                return false;
            }
            address = address.substring(0, lastColon + 1) + "0:0";
        }
        var compressed = address.indexOf("::");
        if (compressed >= 0 && address.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        var head = compressed >= 0 ? address.substring(0, compressed) : address;
        var tail = compressed >= 0 ? address.substring(compressed + 2) : "";
        for (var part : new String[] {head, tail}) {
            if (part.isEmpty()) {
                continue;
            }
            for (var group : part.split(":", -1)) {
                if (!HEX_GROUP.matcher(group).matches()) {
                    return false;
                }
                groups++;
            }
        }
        return compressed >= 0 ? groups < 8 : groups == 8;
    }
}
