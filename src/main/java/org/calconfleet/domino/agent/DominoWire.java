package org.calconfleet.domino.agent;

import java.util.ArrayList;
import java.util.List;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentJson;
import org.calconfleet.host.agent.WireException;
import org.calconfleet.host.agent.WireObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of {@code POST /v1/domino/commands}: {@code {"server":…, "commands":[{"type":"QUIT"},
 * {"type":"LOAD","exchangeServer":…,"calendarSystem":…,"exchangeSidePort":…,"notesSidePort":…,"debug":…}]}}, and
 * of its answer {@code {"outcome":"SENT"|"FAILED", "server", "commandLines", "responses" | "failure"}}.
 */
public final class DominoWire {

    /** Most commands in one request (the procedure sends two). */
    public static final int MAX_COMMANDS = 8;

    private DominoWire() {
    }

    /** Longest request id: the console's own ids are far shorter. */
    public static final int MAX_REQUEST_ID = 128;

    /**
     * A request to send {@code commands} to {@code server}; {@code requestId}, when given, names it so that the agent
     * answers a repeat of a request it already carried out from memory instead of sending the commands again.
     */
    public record Request(String server, List<DominoCommand> commands, @Nullable String requestId) {
        public Request {
            commands = List.copyOf(commands);
        }
    }

    public static ObjectNode request(String server, List<DominoCommand> commands, @Nullable String requestId) {
        ObjectNode node = AgentJson.object();
        node.put("server", server);
        if (requestId != null) {
            node.put("requestId", requestId);
        }
        ArrayNode array = node.putArray("commands");
        for (DominoCommand command : commands) {
            ObjectNode c = array.addObject();
            switch (command) {
                case DominoCommand.QuitExcalcon q -> c.put("type", "QUIT");
                case DominoCommand.LoadExcalcon load -> {
                    c.put("type", "LOAD");
                    c.put("exchangeServer", load.exchangeServer());
                    c.put("calendarSystem", load.calendarSystem());
                    c.put("exchangeSidePort", load.exchangeSidePort());
                    c.put("notesSidePort", load.notesSidePort());
                    c.put("debug", load.debug());
                }
            }
        }
        return node;
    }

    /** Reads a request strictly (types and lengths); the port rules are the console's to apply next. */
    public static Request request(JsonNode node) {
        WireObject request = WireObject.of(node, "", "server", "commands", "requestId");
        String server = request.nameField("server", AgentApi.MAX_NAME);
        String requestId = request.has("requestId") ? request.nameField("requestId", MAX_REQUEST_ID) : null;
        List<JsonNode> items = request.arrayField("commands", MAX_COMMANDS);
        if (items.isEmpty()) {
            throw WireException.invalid("/commands", "must hold at least one command");
        }
        List<DominoCommand> commands = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "/commands/" + i;
            WireObject head = WireObject.of(items.get(i), path, "type", "exchangeServer", "calendarSystem",
                    "exchangeSidePort", "notesSidePort", "debug");
            String type = head.textField("type", 8);
            commands.add(switch (type) {
                case "QUIT" -> {
                    WireObject.of(items.get(i), path, "type");
                    yield DominoCommand.quit();
                }
                case "LOAD" -> new DominoCommand.LoadExcalcon(
                        head.nameField("exchangeServer", AgentApi.MAX_NAME),
                        head.nameField("calendarSystem", AgentApi.MAX_NAME),
                        head.intField("exchangeSidePort", 0, 65535),
                        head.intField("notesSidePort", 0, 65535),
                        head.booleanField("debug"));
                default -> throw WireException.invalid(path + "/type", "must be QUIT or LOAD");
            });
        }
        return new Request(server, commands, requestId);
    }

    public static ObjectNode result(DominoResult result) {
        ObjectNode node = AgentJson.object();
        node.put("server", result.server());
        ArrayNode lines = node.putArray("commandLines");
        result.commandLines().forEach(lines::add);
        switch (result) {
            case DominoResult.Sent sent -> {
                node.put("outcome", "SENT");
                ArrayNode responses = node.putArray("responses");
                sent.responses().forEach(responses::add);
            }
            case DominoResult.Failed failed -> {
                node.put("outcome", "FAILED");
                ObjectNode f = node.putObject("failure");
                f.put("kind", failed.kind().name());
                f.put("detail", failed.detail());
                f.put("retryable", failed.retryable());
            }
            case DominoResult.AwaitingConfirmation awaiting ->
                    throw new IllegalArgumentException("an agent sends commands, it does not await confirmation");
        }
        return node;
    }

    public static DominoResult result(JsonNode node) {
        WireObject head = WireObject.of(node, "", "server", "commandLines", "outcome", "responses", "failure");
        String server = head.anyTextField("server", AgentApi.MAX_NAME);
        List<String> lines = texts(head.arrayField("commandLines", MAX_COMMANDS), "/commandLines");
        return switch (head.textField("outcome", 8)) {
            case "SENT" -> {
                WireObject.of(node, "", "server", "commandLines", "outcome", "responses");
                yield new DominoResult.Sent(server, lines, texts(head.arrayField("responses", MAX_COMMANDS), "/responses"));
            }
            case "FAILED" -> {
                WireObject.of(node, "", "server", "commandLines", "outcome", "failure");
                WireObject f = head.objectField("failure", "kind", "detail", "retryable");
                yield new DominoResult.Failed(server, lines, f.enumField("kind", DominoFailure.class),
                        f.anyTextField("detail", 4 * AgentApi.MAX_TEXT), f.booleanField("retryable"));
            }
            default -> throw WireException.invalid("/outcome", "must be SENT or FAILED");
        };
    }

    private static List<String> texts(List<JsonNode> nodes, String path) {
        List<String> texts = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (!n.isString() || n.stringValue().length() > 64 * 1024) {
                throw WireException.invalid(path, "must hold strings");
            }
            texts.add(n.stringValue());
        }
        return texts;
    }
}
