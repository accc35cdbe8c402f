package org.calconfleet.host.agent;

import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object read strictly: only the named fields may appear, each of exactly its type (no string for a
 * number, no 45001.0 for 45001, no null for a value), numbers and texts within their limits. Every breach is a
 * {@link WireException} naming the field. Both sides of the agent protocol read with it.
 */
public final class WireObject {

    private final JsonNode node;
    private final String path;

    private WireObject(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The node as an object with no fields other than {@code allowed}. */
    public static WireObject of(@Nullable JsonNode node, String path, String... allowed) {
        if (node == null || !node.isObject()) {
            throw WireException.invalid(path.isEmpty() ? "/" : path, "must be a JSON object");
        }
        Set<String> known = Set.of(allowed);
        Set<String> unknown = new TreeSet<>();
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw WireException.invalid(path + "/" + printable(first), "unknown field; allowed: " + Arrays.toString(allowed));
        }
        return new WireObject(node, path);
    }

    public boolean has(String name) {
        return node.has(name);
    }

    public int intField(String name, int min, int max) {
        return (int) longField(name, min, max);
    }

    public long longField(String name, long min, long max) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber()) {
            throw invalid(name, "must be an integer from " + min + " to " + max);
        }
        BigInteger number = value.bigIntegerValue();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(name, "must be from " + min + " to " + max);
        }
        return number.longValueExact();
    }

    public boolean booleanField(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw invalid(name, "must be true or false");
        }
        return value.booleanValue();
    }

    /** A text of at most {@code maxLength} characters without control characters (empty allowed). */
    public String textField(String name, int maxLength) {
        return stringValue(required(name), path + "/" + name, maxLength);
    }

    /** Any text of at most {@code maxLength} characters, control characters included (e.g. an event's text). */
    public String anyTextField(String name, int maxLength) {
        JsonNode value = required(name);
        if (!value.isString()) {
            throw invalid(name, "must be a string");
        }
        if (value.stringValue().length() > maxLength) {
            throw invalid(name, "must have at most " + maxLength + " characters");
        }
        return value.stringValue();
    }

    /** A text that may also hold line feeds (e.g. the strings of a REG_MULTI_SZ, one per line). */
    public String linesField(String name, int maxLength) {
        JsonNode value = required(name);
        if (!value.isString()) {
            throw invalid(name, "must be a string");
        }
        return checkText(value.stringValue(), path + "/" + name, maxLength, true);
    }

    /** A text that is not empty. */
    public String nameField(String name, int maxLength) {
        String text = textField(name, maxLength);
        if (text.isEmpty()) {
            throw invalid(name, "must not be empty");
        }
        return text;
    }

    public <E extends Enum<E>> E enumField(String name, Class<E> type) {
        return enumValue(required(name), path + "/" + name, type);
    }

    public Instant instantField(String name) {
        return instant(textField(name, 64), path + "/" + name);
    }

    public WireObject objectField(String name, String... allowed) {
        return of(required(name), path + "/" + name, allowed);
    }

    /** An object or JSON null. */
    public @Nullable WireObject nullableObjectField(String name, String... allowed) {
        JsonNode value = required(name);
        return value.isNull() ? null : of(value, path + "/" + name, allowed);
    }

    /** The elements of an array of at most {@code maxItems}. */
    public List<JsonNode> arrayField(String name, int maxItems) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw invalid(name, "must be an array");
        }
        if (value.size() > maxItems) {
            throw invalid(name, "must have at most " + maxItems + " elements");
        }
        return new ArrayList<>(value.values());
    }

    public String path() {
        return path;
    }

    // ------------------------------------------------------------------ single values, for arrays and queries

    public static <E extends Enum<E>> E enumValue(JsonNode value, String where, Class<E> type) {
        if (!value.isString()) {
            throw WireException.invalid(where, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
        return enumValue(value.stringValue(), where, type);
    }

    /** An enum constant by its exact name. */
    public static <E extends Enum<E>> E enumValue(String text, String where, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw WireException.invalid(where, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    public static String stringValue(JsonNode value, String where, int maxLength) {
        if (!value.isString()) {
            throw WireException.invalid(where, "must be a string");
        }
        return checkText(value.stringValue(), where, maxLength, false);
    }

    public static Instant instant(String text, String where) {
        if (text.length() > 64) {
            throw WireException.invalid(where, "must be an ISO-8601 instant such as 2026-11-25T09:00:00Z");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw WireException.invalid(where, "must be an ISO-8601 instant such as 2026-11-25T09:00:00Z");
        }
    }

    public static String checkText(String text, String where, int maxLength, boolean lineFeeds) {
        if (text.length() > maxLength) {
            throw WireException.invalid(where, "must have at most " + maxLength + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineFeeds && c == '\n')) {
                throw WireException.invalid(where, "must not contain control characters");
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(++i)))) {
                throw WireException.invalid(where, "must not contain unpaired surrogates");
            }
        }
        return text;
    }

    /** A name as it may appear in a message: printable ASCII, at most 64 characters. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(64).forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? (char) cp : '?'));
        return out.toString();
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isMissingNode()) {
            throw invalid(name, "is required");
        }
        return value;
    }

    private WireException invalid(String name, String problem) {
        return WireException.invalid(path + "/" + name, problem);
    }
}
