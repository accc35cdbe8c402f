package org.calconfleet.agent;

import java.util.List;

import org.calconfleet.host.agent.WireException;

/**
 * A request the agent does not carry out, answered as an RFC 9457 problem: status, a type URI naming the kind,
 * a fixed title, a detail for this request, and for invalid input the field at fault.
 */
final class Refused extends RuntimeException {

    static final String TYPE_PREFIX = "urn:calcon-agent:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final List<String> allow;

    private Refused(int status, String type, String title, String detail, String field, List<String> allow) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.allow = List.copyOf(allow);
    }

    static Refused of(int status, String type, String title, String detail) {
        return new Refused(status, type, title, detail, "", List.of());
    }

    static Refused unauthorized(String detail) {
        return of(401, "unauthorized", "Missing or wrong bearer token", detail);
    }

    static Refused notFound() {
        return of(404, "not-found", "No such resource", "this agent offers no resource at this path");
    }

    static Refused methodNotAllowed(List<String> allowed) {
        return new Refused(405, "method-not-allowed", "Method not allowed",
                "this resource answers " + String.join(", ", allowed), "", allowed);
    }

    static Refused unsupportedMediaType() {
        return of(415, "unsupported-media-type", "Unsupported media type", "the body must be application/json");
    }

    static Refused tooLarge(int limit) {
        return of(413, "too-large", "Request body too large", "at most " + limit + " bytes");
    }

    static Refused badRequest(String detail) {
        return of(400, "bad-request", "Bad request", detail);
    }

    static Refused busy() {
        return of(503, "busy", "Agent busy", "too many requests at once; try again shortly");
    }

    static Refused input(WireException e) {
        return e.malformed()
                ? of(400, "malformed-json", "Malformed JSON", e.problem())
                : new Refused(400, "invalid-field", "Invalid field", e.getMessage(), e.field(), List.of());
    }

    int status() {
        return status;
    }

    String type() {
        return TYPE_PREFIX + type;
    }

    String shortType() {
        return type;
    }

    String title() {
        return title;
    }

    String field() {
        return field;
    }

    List<String> allow() {
        return allow;
    }
}
