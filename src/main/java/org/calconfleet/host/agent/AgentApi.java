package org.calconfleet.host.agent;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The agent's HTTP API, version 1: paths, query parameters, media types and limits, shared by the agent and
 * its clients. Every request carries {@code Authorization: Bearer <token>}; bodies are JSON objects of known
 * fields only. A host call answers 200 with a result envelope ({@code {"ok":true,"value":…}} or
 * {@code {"ok":false,"failure":{…}}}): a failure of the host is an answer, not an HTTP error. HTTP errors
 * (4xx, 5xx) are reserved for the request itself and come as RFC 9457 problem details.
 */
public final class AgentApi {

    public static final String V1 = "/v1";

    /** GET: what this agent offers (mode, Exchange side, Domino side). */
    public static final String INFO = V1 + "/agent";
    /** GET: both port values; PUT {@code {exchangeSidePort, notesSidePort}}: writes both as REG_DWORD. */
    public static final String CALCON_PORTS = V1 + "/calcon/ports";
    /** POST {@code {exchangeSide, notesSide}} (registry reads): puts values read earlier back. */
    public static final String CALCON_PORTS_RESTORE = V1 + "/calcon/ports/restore";
    /** GET {@code ?since=<ISO-8601 instant>}: connector events at or after since. */
    public static final String CALCON_EVENTS = V1 + "/calcon/events";
    /** GET: the diagnostic logging level that decides whether 6001 is written. */
    public static final String DIAGNOSTIC_LEVEL = V1 + "/calcon/diagnostic-level";
    /** GET {@code ?displayName=}: the short name of the service with that display name. */
    public static final String SERVICES = V1 + "/services";
    /** GET {@code /v1/services/{name}}: its state; POST {@code …/stop}, {@code …/start} {@code {timeoutMillis}}. */
    public static final String SERVICE_STOP = "stop";
    public static final String SERVICE_START = "start";
    /** GET: TCP sockets in LISTEN state with their owning process. */
    public static final String TCP_LISTENERS = V1 + "/tcp/listeners";
    /** GET {@code ?port=&timeoutMillis=}: a TCP connect probe on the host itself. */
    public static final String TCP_PROBE = V1 + "/tcp/probe";
    /** POST {@code {server, commands}}: Domino console commands, on an agent with its Domino side enabled. */
    public static final String DOMINO_COMMANDS = V1 + "/domino/commands";
    /** The admin channel of a simulated host (only with {@code calcon.agent.simulated-admin=true}). */
    public static final String ADMIN = V1 + "/admin";

    public static final String QUERY_SINCE = "since";
    public static final String QUERY_DISPLAY_NAME = "displayName";
    public static final String QUERY_PORT = "port";
    public static final String QUERY_TIMEOUT_MILLIS = "timeoutMillis";

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BEARER = "Bearer";

    /** Largest request body accepted. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    /** Longest text field or query value accepted (service display names, registry data). */
    public static final int MAX_TEXT = 1024;
    /** Longest name accepted (registry keys and values, hosts, processes). */
    public static final int MAX_NAME = 255;
    /** Longest wait a caller may ask for (service stop/start, TCP probe). */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(30);

    /** A Windows service short name as the API accepts it (the connector's is {@code MSExchangeCalCon}). */
    public static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    /** A bearer token as the agent accepts it (RFC 6750 characters, 32 to 256 of them). */
    public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{32,256}=*");

    /** The path of a service, by its short name. */
    public static String service(String name) {
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a service name the agent accepts: " + name);
        }
        return SERVICES + "/" + name;
    }

    private AgentApi() {
    }
}
