package org.calconfleet.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.port.PortRange;
import org.calconfleet.port.RpcPort;
import org.jspecify.annotations.Nullable;

/**
 * Reads the policy's settings as a person types them and writes them back in canonical form.
 *
 * <p>Lists are separated by commas or semicolons (also the Japanese "、" and full-width forms) or line breaks;
 * e-mail addresses may also be separated by spaces. White space around items is ignored and full-width digits
 * count as digits. A range is written {@code 45000-45999}; {@code ~} and the wave dash {@code 〜} work as well.
 * Positions in refusals are 1-based character positions in the text as typed.
 */
public final class PolicyText {

    /** The longest canonical list text the {@code port_policy} table stores. */
    public static final int MAX_STORED_LENGTH = 2000;
    public static final int MAX_REASON_LENGTH = AuditEntry.REASON_MAX_LENGTH;
    public static final long SHORTEST_DRIFT_SCAN_MINUTES = 1;
    public static final long LONGEST_DRIFT_SCAN_MINUTES = 1440;
    public static final int MAX_EMAIL_LENGTH = 254;

    static final String STORED_SEPARATOR = ",";
    static final String SHOWN_SEPARATOR = ", ";

    private static final Comparator<PortRange> BY_START = Comparator.comparingInt(PortRange::from)
            .thenComparingInt(PortRange::to);
    private static final Pattern SINGLE = Pattern.compile("[0-9]+");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\s*[-~〜–—−]\\s*([0-9]+)");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final IntPredicate LIST_SEPARATOR = c -> ",;\n\r、，；".indexOf(c) >= 0;
    private static final IntPredicate ADDRESS_SEPARATOR = LIST_SEPARATOR.or(Character::isWhitespace);

    private PolicyText() {
    }

    /** An item of a list as typed, and where it starts (1-based, in characters). */
    record Item(String text, int position) {
    }

    public static Parsed<List<PortRange>> ranges(String text) {
        var items = items(text, LIST_SEPARATOR);
        var refusals = new ArrayList<PolicyRefusal>();
        var ranges = new TreeSet<>(BY_START);
        for (var item : items) {
            var normalized = normalize(item.text());
            BigInteger from;
            BigInteger to;
            Matcher range = RANGE.matcher(normalized);
            if (SINGLE.matcher(normalized).matches()) {
                from = new BigInteger(normalized);
                to = from;
            } else if (range.matches()) {
                from = new BigInteger(range.group(1));
                to = new BigInteger(range.group(2));
            } else {
                refusals.add(refusal(PolicyField.ALLOWED_RANGES, PolicyRefusalReason.RANGE_SYNTAX, item));
                continue;
            }
            if (!isPinnedPort(from) || !isPinnedPort(to)) {
                refusals.add(refusal(PolicyField.ALLOWED_RANGES, PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, item));
            } else if (from.compareTo(to) > 0) {
                refusals.add(refusal(PolicyField.ALLOWED_RANGES, PolicyRefusalReason.RANGE_REVERSED, item));
            } else {
                ranges.add(new PortRange(from.intValueExact(), to.intValueExact()));
            }
        }
        if (items.isEmpty()) {
            refusals.add(PolicyRefusal.of(PolicyField.ALLOWED_RANGES, PolicyRefusalReason.NO_RANGE));
        }
        return Parsed.of(List.copyOf(ranges), refusals);
    }

    public static Parsed<Set<Integer>> reservedPorts(String text) {
        var refusals = new ArrayList<PolicyRefusal>();
        var ports = new TreeSet<Integer>();
        for (var item : items(text, LIST_SEPARATOR)) {
            var normalized = normalize(item.text());
            if (SINGLE.matcher(normalized).matches() && isPinnedPort(new BigInteger(normalized))) {
                ports.add(Integer.parseInt(normalized));
            } else {
                refusals.add(refusal(PolicyField.RESERVED_PORTS, PolicyRefusalReason.RESERVED_NOT_A_PORT, item));
            }
        }
        return Parsed.of(Set.copyOf(ports), refusals);
    }

    /** Addresses in the order given, each once (compared without regard to case). */
    public static Parsed<List<String>> addresses(String text) {
        var refusals = new ArrayList<PolicyRefusal>();
        var addresses = new LinkedHashMap<String, String>();
        for (var item : items(text, ADDRESS_SEPARATOR)) {
            var address = normalize(item.text());
            var refused = addressRefusals(address, item.text());
            if (refused.isEmpty()) {
                addresses.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
            }
            refusals.addAll(refused);
        }
        return Parsed.of(List.copyOf(addresses.values()), refusals);
    }

    public static List<PolicyRefusal> addressRefusals(String address) {
        return addressRefusals(address, address);
    }

    private static List<PolicyRefusal> addressRefusals(String address, String asTyped) {
        if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
            return List.of(PolicyRefusal.of(PolicyField.NOTIFY_ADDRESSES, PolicyRefusalReason.BAD_EMAIL, asTyped));
        }
        return List.of();
    }

    public static List<PolicyRefusal> driftScanMinutes(@Nullable Integer minutes) {
        if (minutes == null) {
            return List.of(PolicyRefusal.of(PolicyField.DRIFT_SCAN_INTERVAL, PolicyRefusalReason.DRIFT_INTERVAL_MISSING));
        }
        return driftScanInterval(Duration.ofMinutes(minutes));
    }

    /** The interval is whole minutes from 1 to 1440 (a day). */
    public static List<PolicyRefusal> driftScanInterval(Duration interval) {
        var wholeMinutes = interval.toSeconds() % 60 == 0 && interval.toNanosPart() == 0;
        var minutes = interval.toMinutes();
        if (!wholeMinutes || minutes < SHORTEST_DRIFT_SCAN_MINUTES || minutes > LONGEST_DRIFT_SCAN_MINUTES) {
            return List.of(PolicyRefusal.of(PolicyField.DRIFT_SCAN_INTERVAL,
                    PolicyRefusalReason.DRIFT_INTERVAL_OUTSIDE_BOUNDS, minutesText(interval)));
        }
        return List.of();
    }

    public static List<PolicyRefusal> reason(String reason) {
        if (reason.isBlank()) {
            return List.of(PolicyRefusal.of(PolicyField.REASON, PolicyRefusalReason.REASON_BLANK));
        }
        return lengthRefusals(PolicyField.REASON, reason.strip(), MAX_REASON_LENGTH);
    }

    static List<PolicyRefusal> lengthRefusals(PolicyField field, String text, int max) {
        return text.length() > max
                ? List.of(PolicyRefusal.of(field, PolicyRefusalReason.TEXT_TOO_LONG, text.length(), max))
                : List.of();
    }

    /** "45000-45999, 46100": ascending, each range once. */
    public static String rangesText(Collection<PortRange> ranges, String separator) {
        var sorted = new TreeSet<>(BY_START);
        sorted.addAll(ranges);
        return sorted.stream().map(PortRange::text).collect(Collectors.joining(separator));
    }

    /** "45500, 45501": ascending. */
    public static String portsText(Collection<Integer> ports, String separator) {
        return new TreeSet<>(ports).stream().map(String::valueOf).collect(Collectors.joining(separator));
    }

    public static String addressesText(List<String> addresses, String separator) {
        return String.join(separator, addresses);
    }

    static List<Item> items(String text, IntPredicate separator) {
        var items = new ArrayList<Item>();
        var current = new StringBuilder();
        var start = -1;
        var position = 0;
        for (var codePoints = text.codePoints().iterator(); codePoints.hasNext(); ) {
            int c = codePoints.nextInt();
            position++;
            if (separator.test(c)) {
                addItem(items, current, start);
                current.setLength(0);
                start = -1;
            } else {
                if (start < 0 && !Character.isWhitespace(c)) {
                    start = position;
                }
                current.appendCodePoint(c);
            }
        }
        addItem(items, current, start);
        return List.copyOf(items);
    }

    private static void addItem(List<Item> items, StringBuilder text, int start) {
        var stripped = text.toString().strip();
        if (!stripped.isEmpty()) {
            items.add(new Item(stripped, start));
        }
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    }

    private static boolean isPinnedPort(BigInteger number) {
        return number.compareTo(BigInteger.valueOf(RpcPort.LOWEST_PINNED)) >= 0
                && number.compareTo(BigInteger.valueOf(RpcPort.HIGHEST)) <= 0;
    }

    private static PolicyRefusal refusal(PolicyField field, PolicyRefusalReason reason, Item item) {
        return PolicyRefusal.of(field, reason, item.text(), item.position());
    }

    private static String minutesText(Duration interval) {
        if (interval.toSeconds() % 60 == 0 && interval.toNanosPart() == 0) {
            return Long.toString(interval.toMinutes());
        }
        return BigDecimal.valueOf(interval.getSeconds()).add(BigDecimal.valueOf(interval.getNano(), 9))
                .divide(BigDecimal.valueOf(60), 3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
