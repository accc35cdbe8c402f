package org.calconfleet.i18n;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the console stores where it would otherwise store a sentence: a message code (a key of the bundles) and its
 * typed arguments, rendered when read in the reader's language and time zone ({@link Messages#render}). Stored as
 * compact JSON; a stored text that is not such JSON was written before messages were data and is shown as it is.
 */
public record StoredMessage(String code, List<Argument> arguments) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CODE = "code";
    private static final String ARGUMENTS = "args";

    public StoredMessage {
        arguments = List.copyOf(arguments);
    }

    public static StoredMessage of(String code, Argument... arguments) {
        return new StoredMessage(code, List.of(arguments));
    }

    /** One typed argument; each renders in its own way for the reader. */
    public sealed interface Argument permits Verbatim, Count, Port, At, Choice, Span, Inner, Listed {
    }

    /** User data, a host name, a command or a path: shown exactly as stored. */
    public record Verbatim(String text) implements Argument {
    }

    /** A number of things, grouped in the reader's way (10,000). */
    public record Count(long value) implements Argument {
    }

    /** A TCP port or another number that is a name, never grouped. */
    public record Port(long value) implements Argument {
    }

    /** A moment, shown in the reader's time zone. */
    public record At(Instant instant) implements Argument {
    }

    /** A constant of an enum, shown by its label: the bundle key {@code <prefix>.<NAME>}. */
    public record Choice(String key) implements Argument {
    }

    /** A length of time. */
    public record Span(Duration duration) implements Argument {
    }

    /** A message inside another, such as the reason a step failed. */
    public record Inner(StoredMessage message) implements Argument {
    }

    /** Several arguments shown as one list. */
    public record Listed(List<Argument> items) implements Argument {
        public Listed {
            items = List.copyOf(items);
        }
    }

    public static Argument verbatim(@Nullable Object text) {
        return new Verbatim(String.valueOf(text));
    }

    public static Argument count(long value) {
        return new Count(value);
    }

    public static Argument port(long value) {
        return new Port(value);
    }

    public static Argument at(Instant instant) {
        return new At(instant);
    }

    /** The constant by the label its screens already show, under {@code labelPrefix.<NAME>}. */
    public static Argument choice(String labelPrefix, Enum<?> constant) {
        return new Choice(labelPrefix + "." + constant.name());
    }

    public static Argument span(Duration duration) {
        return new Span(duration);
    }

    public static Argument inner(StoredMessage message) {
        return new Inner(message);
    }

    public static Argument listed(List<? extends Argument> items) {
        return new Listed(List.copyOf(items));
    }

    /**
     * Written straight into text, strings escaped by Jackson's own encoder: messages are stored by the ten thousand,
     * and a tree or a generator per message cost more than the rest of storing them.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(64);
        write(json);
        return json.toString();
    }

    /** The stored text read back, or empty when it was stored as a sentence before messages were data. */
    public static Optional<StoredMessage> parse(@Nullable String stored) {
        if (!looksStored(stored)) {
            return Optional.empty();
        }
        try {
            return Optional.of(message(JSON.readTree(stored)));
        } catch (JacksonException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code stored} begins as {@link #toJson()} begins every message, which no sentence stored before
     * messages were data does: tells the two apart without reading the message.
     */
    public static boolean looksStored(@Nullable String stored) {
        return stored != null && stored.startsWith("{\"" + CODE + "\":");
    }

    private void write(StringBuilder json) {
        json.append("{\"" + CODE + "\":");
        quoted(json, code);
        json.append(",\"" + ARGUMENTS + "\":");
        write(json, arguments);
        json.append('}');
    }

    private static void write(StringBuilder json, List<Argument> arguments) {
        json.append('[');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            write(json, arguments.get(i));
        }
        json.append(']');
    }

    private static void write(StringBuilder json, Argument argument) {
        switch (argument) {
            case Verbatim v -> quoted(json.append("{\"text\":"), v.text());
            case Count c -> json.append("{\"count\":").append(c.value());
            case Port p -> json.append("{\"port\":").append(p.value());
            case At a -> quoted(json.append("{\"at\":"), a.instant().toString());
            case Choice c -> quoted(json.append("{\"choice\":"), c.key());
            case Span s -> json.append("{\"seconds\":").append(s.duration().toSeconds());
            case Inner i -> i.message().write(json.append("{\"message\":"));
            case Listed l -> write(json.append("{\"list\":"), l.items());
        }
        json.append('}');
    }

    private static void quoted(StringBuilder json, String text) {
        json.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, json);
        json.append('"');
    }

    private static StoredMessage message(JsonNode node) {
        JsonNode code = node.get(CODE);
        JsonNode args = node.get(ARGUMENTS);
        if (code == null || !code.isString() || args == null || !args.isArray()) {
            throw new IllegalArgumentException("not a stored message");
        }
        List<Argument> arguments = new ArrayList<>();
        args.forEach(arg -> arguments.add(argument(arg)));
        return new StoredMessage(code.asString(), arguments);
    }

    private static Argument argument(JsonNode node) {
        String kind = node.propertyNames().iterator().next();
        JsonNode value = node.get(kind);
        return switch (kind) {
            case "text" -> new Verbatim(value.asString());
            case "count" -> new Count(value.asLong());
            case "port" -> new Port(value.asLong());
            case "at" -> new At(Instant.parse(value.asString()));
            case "choice" -> new Choice(value.asString());
            case "seconds" -> new Span(Duration.ofSeconds(value.asLong()));
            case "message" -> new Inner(message(value));
            case "list" -> {
                List<Argument> items = new ArrayList<>();
                value.forEach(item -> items.add(argument(item)));
                yield new Listed(items);
            }
            default -> throw new IllegalArgumentException("unknown argument kind " + kind);
        };
    }
}
