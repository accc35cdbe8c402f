package org.calconfleet.host.agent;

import java.util.List;
import java.util.function.Function;

import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.EventType;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.TcpListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the agent protocol: a strict parser (duplicate keys, trailing data, deep nesting, long numbers and
 * strings are refused while reading) and the encoding of the host types, with their strict decoding. One place
 * for both sides, so that the client and the agent cannot drift apart.
 */
public final class AgentJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_DWORD = 0xFFFF_FFFFL;

    /** Largest answer a client reads from an agent (an event log can be long). */
    public static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private static final JsonMapper REQUESTS = mapper(AgentApi.MAX_BODY_BYTES, AgentApi.MAX_BODY_BYTES);
    private static final JsonMapper ANSWERS = mapper(MAX_ANSWER_BYTES, 1024 * 1024);

    private static JsonMapper mapper(long maxDocument, int maxString) {
        return JsonMapper.builder(JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(16)
                                .maxNumberLength(20)
                                .maxStringLength(maxString)
                                .maxNameLength(AgentApi.MAX_NAME)
                                .maxDocumentLength(maxDocument)
                                .build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private AgentJson() {
    }

    /** Parses a request body: one JSON document within the request limits; anything else is malformed. */
    public static JsonNode parse(byte[] json) {
        return parse(REQUESTS, json);
    }

    /** Parses an agent's answer, whose limits are wider (an event log can be long). */
    public static JsonNode parseAnswer(byte[] json) {
        return parse(ANSWERS, json);
    }

    private static JsonNode parse(JsonMapper mapper, byte[] json) {
        if (json.length == 0) {
            throw WireException.malformed("empty body, a JSON object was expected");
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw WireException.malformed("no JSON document");
            }
            return node;
        } catch (JacksonException e) {
            throw WireException.malformed("not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    public static byte[] write(JsonNode node) {
        return REQUESTS.writeValueAsBytes(node);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    // ------------------------------------------------------------------ result envelope

    public static ObjectNode ok(JsonNode value) {
        ObjectNode node = object();
        node.put("ok", true);
        node.set("value", value);
        return node;
    }

    public static ObjectNode ok(Enum<?> value) {
        return ok(NODES.stringNode(value.name()));
    }

    public static ObjectNode ok(String value) {
        return ok(NODES.stringNode(value));
    }

    public static ObjectNode failure(HostResult.Failure<?> failure) {
        ObjectNode f = object();
        f.put("kind", failure.kind().name());
        f.put("detail", failure.detail());
        f.put("retryable", failure.retryable());
        f.put("windowsErrorCode", failure.windowsErrorCode());
        ObjectNode node = object();
        node.put("ok", false);
        node.set("failure", f);
        return node;
    }

    /** Encodes a host result, its value with {@code encoder}. */
    public static <T> ObjectNode result(HostResult<T> result, Function<T, JsonNode> encoder) {
        return switch (result) {
            case HostResult.Ok<T> ok -> ok(encoder.apply(ok.value()));
            case HostResult.Failure<T> f -> failure(f);
        };
    }

    /** Decodes an envelope; the value with {@code decoder} (given the node and its path). */
    public static <T> HostResult<T> result(JsonNode envelope, ValueDecoder<T> decoder) {
        WireObject head = WireObject.of(envelope, "", "ok", "value", "failure");
        if (head.booleanField("ok")) {
            WireObject.of(envelope, "", "ok", "value");
            return HostResult.ok(decoder.decode(envelope.get("value"), "/value"));
        }
        WireObject.of(envelope, "", "ok", "failure");
        WireObject f = head.objectField("failure", "kind", "detail", "retryable", "windowsErrorCode");
        return new HostResult.Failure<>(f.enumField("kind", HostFailure.class), f.anyTextField("detail", 4 * AgentApi.MAX_TEXT),
                f.booleanField("retryable"), f.intField("windowsErrorCode", Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @FunctionalInterface
    public interface ValueDecoder<T> {
        T decode(JsonNode value, String path);
    }

    public static <E extends Enum<E>> ValueDecoder<E> enumDecoder(Class<E> type) {
        return (value, path) -> WireObject.enumValue(value, path, type);
    }

    public static ValueDecoder<String> stringDecoder(int maxLength) {
        return (value, path) -> WireObject.stringValue(value, path, maxLength);
    }

    // ------------------------------------------------------------------ host types

    public static ObjectNode registryRead(RegistryRead read) {
        ObjectNode node = object();
        switch (read) {
            case RegistryRead.Present p -> {
                node.put("state", "PRESENT");
                node.put("value", Integer.toUnsignedLong(p.value()));
            }
            case RegistryRead.Absent a -> node.put("state", "ABSENT");
            case RegistryRead.WrongType w -> {
                node.put("state", "WRONG_TYPE");
                node.put("type", w.found().name());
                if (w.data() != null) {
                    node.put("data", w.data());
                }
            }
        }
        return node;
    }

    public static RegistryRead registryRead(JsonNode node, String path) {
        WireObject head = WireObject.of(node, path, "state", "value", "type", "data");
        String state = head.textField("state", 16);
        return switch (state) {
            case "PRESENT" -> RegistryRead.present(
                    (int) WireObject.of(node, path, "state", "value").longField("value", 0, MAX_DWORD));
            case "ABSENT" -> {
                WireObject.of(node, path, "state");
                yield RegistryRead.absent();
            }
            case "WRONG_TYPE" -> {
                WireObject wrong = WireObject.of(node, path, "state", "type", "data");
                yield new RegistryRead.WrongType(wrong.enumField("type", RegistryValueType.class),
                        wrong.has("data") ? wrong.anyTextField("data", RegistryRead.WrongType.MAX_DATA) : null);
            }
            default -> throw WireException.invalid(path + "/state", "must be PRESENT, ABSENT or WRONG_TYPE");
        };
    }

    public static ObjectNode ports(CalConPorts ports) {
        ObjectNode node = object();
        node.set("exchangeSide", registryRead(ports.exchangeSide()));
        node.set("notesSide", registryRead(ports.notesSide()));
        return node;
    }

    public static CalConPorts ports(JsonNode node, String path) {
        WireObject.of(node, path, "exchangeSide", "notesSide");
        if (!node.has("exchangeSide") || !node.has("notesSide")) {
            throw WireException.invalid(path, "needs exchangeSide and notesSide");
        }
        return new CalConPorts(registryRead(node.get("exchangeSide"), path + "/exchangeSide"),
                registryRead(node.get("notesSide"), path + "/notesSide"));
    }

    public static ArrayNode events(List<HostEvent> events) {
        ArrayNode array = array();
        for (HostEvent e : events) {
            ObjectNode node = array.addObject();
            node.put("source", e.source());
            node.put("eventId", e.eventId());
            node.put("type", e.type().name());
            node.put("time", e.time().toString());
            node.put("text", e.text());
        }
        return array;
    }

    public static List<HostEvent> events(JsonNode node, String path) {
        if (!node.isArray()) {
            throw WireException.invalid(path, "must be an array");
        }
        return node.values().stream().map(e -> {
            WireObject o = WireObject.of(e, path + "/[]", "source", "eventId", "type", "time", "text");
            return new HostEvent(o.anyTextField("source", AgentApi.MAX_NAME), o.intField("eventId", 0, 65535),
                    o.enumField("type", EventType.class), o.instantField("time"), o.anyTextField("text", 64 * 1024));
        }).toList();
    }

    public static ArrayNode listeners(List<TcpListener> listeners) {
        ArrayNode array = array();
        for (TcpListener l : listeners) {
            ObjectNode node = array.addObject();
            node.put("port", l.port());
            node.put("processId", l.processId());
            node.put("processName", l.processName());
        }
        return array;
    }

    public static List<TcpListener> listeners(JsonNode node, String path) {
        if (!node.isArray()) {
            throw WireException.invalid(path, "must be an array");
        }
        return node.values().stream().map(l -> listener(l, path + "/[]")).toList();
    }

    public static TcpListener listener(JsonNode node, String path) {
        WireObject o = WireObject.of(node, path, "port", "processId", "processName");
        return new TcpListener(o.intField("port", 0, 65535), o.intField("processId", 0, Integer.MAX_VALUE),
                o.anyTextField("processName", AgentApi.MAX_NAME));
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
