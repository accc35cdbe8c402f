package org.calconfleet.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.AgentJson;
import org.calconfleet.host.agent.WireException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent's HTTPS endpoint, on the JDK's own server ({@code com.sun.net.httpserver}): TLS 1.3 only, each
 * request on a virtual thread, at most {@code maxConcurrent} at once. Every request passes, in this order: the
 * bearer token (401 before anything else is looked at; the body is not parsed), the path and method (404, 405),
 * the query parameters (400 unknown, repeated, undecodable or invalid), the body (415 not JSON, 413 too large,
 * 400 malformed or a field out of its rules), and only then reaches the host. Every invalid request is 400, so a
 * client need not tell "not JSON" from "not a port"; the problem's type and field say which. Refusals are RFC 9457
 * problem details. Each request leaves one access-log line: method, path, status, outcome, duration, caller;
 * never the token, the query or the body.
 *
 * <p>The body (at most {@value AgentApi#MAX_BODY_BYTES} bytes) is read off the connection before any answer,
 * even a refusal: the JDK server drains an unread body only after the answer is out, by which time the client
 * may have sent its next request on the same TLS connection, and that request then sat unseen in the server's
 * buffer until the client gave up. A body over the limit is not read to its end; that answer closes the connection.
 */
public final class AgentHttpServer {

    /** The file in the agent's home that says where the running agent listens (for scripts and tests). */
    public static final String ENDPOINT_FILE = "agent-endpoint.properties";

    private static final Logger ACCESS = LoggerFactory.getLogger("org.calconfleet.agent.access");
    private static final Logger LOG = LoggerFactory.getLogger(AgentHttpServer.class);

    private final Routes routes;
    private final AgentToken token;
    private final Semaphore permits;
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Path endpointFile;

    AgentHttpServer(InetSocketAddress address, SSLContext tls, Routes routes, AgentToken token, int maxConcurrent,
            Path home) {
        this.routes = routes;
        this.token = token;
        this.permits = new Semaphore(maxConcurrent);
        this.endpointFile = home.resolve(ENDPOINT_FILE);
        try {
            this.server = HttpsServer.create(address, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                SSLParameters ssl = tls.getDefaultSSLParameters();
                ssl.setProtocols(new String[] {"TLSv1.3"});
                ssl.setNeedClientAuth(false);
                parameters.setSSLParameters(ssl);
            }
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start(String fingerprint) {
        server.start();
        try {
            Files.deleteIfExists(endpointFile);
            String text = "url=" + url() + "\nport=" + port() + "\nfingerprint=" + fingerprint + "\npid="
                    + ProcessHandle.current().pid() + "\n";
            AgentFiles.writePrivate(endpointFile, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + endpointFile, e);
        }
        LOG.info("CalCon agent listening on {}", url());
    }

    void stop() {
        server.stop(1);
        executor.shutdownNow();
        try {
            Files.deleteIfExists(endpointFile);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", endpointFile, e.toString());
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "localhost" : address.getHostAddress();
        return "https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    // ------------------------------------------------------------------ one request

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = printable(exchange.getRequestMethod(), 16);
        String path = printable(exchange.getRequestURI().getRawPath(), 200);
        int status = 500;
        String outcome = "error";
        boolean permitted = permits.tryAcquire();
        RawBody body = RawBody.read(exchange);
        try {
            JsonNode answer = answer(exchange, permitted, body);
            status = 200;
            outcome = outcome(answer);
            send(exchange, 200, AgentApi.JSON, AgentJson.write(answer), body);
        } catch (Refused refused) {
            status = refused.status();
            outcome = "refused " + refused.shortType();
            sendProblem(exchange, refused, body);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", method, path, e);
            sendProblem(exchange, Refused.of(500, "internal", "Internal error", "the agent failed; see its log"), body);
        } finally {
            if (permitted) {
                permits.release();
            }
            exchange.close();
            ACCESS.info("{} {} -> {} {} {}ms caller={}", method, path, status, outcome,
                    (System.nanoTime() - started) / 1_000_000, caller(exchange));
        }
    }

    /** The request body as read before anything is decided: its bytes, or that it is over the limit. */
    private record RawBody(byte[] bytes, boolean tooLarge, boolean present) {

        static RawBody read(HttpExchange exchange) {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            boolean chunked = exchange.getRequestHeaders().containsKey("Transfer-Encoding");
            boolean present = chunked || (length != null && !length.equals("0"));
            if (length != null && (length.length() > 9 || !length.chars().allMatch(Character::isDigit)
                    || Long.parseLong(length) > AgentApi.MAX_BODY_BYTES)) {
                return new RawBody(new byte[0], true, true);
            }
            try (InputStream in = exchange.getRequestBody()) {
                byte[] bytes = in.readNBytes(AgentApi.MAX_BODY_BYTES + 1);
                return bytes.length > AgentApi.MAX_BODY_BYTES
                        ? new RawBody(new byte[0], true, true)
                        : new RawBody(bytes, false, present || bytes.length > 0);
            } catch (IOException e) {
                return new RawBody(new byte[0], true, true);
            }
        }
    }

    private JsonNode answer(HttpExchange exchange, boolean permitted, RawBody body) {
        if (!permitted) {
            throw Refused.busy();
        }
        authenticate(exchange);
        return switch (routes.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())) {
            case Routes.Match.Found found -> {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery(), found.route().query());
                JsonNode json = found.route().body() ? json(exchange, body) : noBody(body);
                try {
                    yield found.route().handler().handle(new Routes.Request(found.variables(), query, json));
                } catch (WireException e) {
                    throw Refused.input(e);
                }
            }
            case Routes.Match.WrongMethod wrong -> throw Refused.methodNotAllowed(wrong.allowed());
            case Routes.Match.None none -> throw Refused.notFound();
        };
    }

    private void authenticate(HttpExchange exchange) {
        List<String> values = exchange.getRequestHeaders().get("Authorization");
        if (values == null || values.isEmpty()) {
            throw Refused.unauthorized("send Authorization: Bearer <the agent's token>");
        }
        if (values.size() != 1) {
            throw Refused.unauthorized("send exactly one Authorization header");
        }
        String value = values.get(0);
        String scheme = AgentApi.BEARER + " ";
        if (!value.regionMatches(true, 0, scheme, 0, scheme.length())
                || !token.matches(value.substring(scheme.length()))) {
            throw Refused.unauthorized("the token is not this agent's");
        }
    }

    private static Map<String, String> query(@Nullable String rawQuery, Set<String> allowed) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        if (rawQuery.length() > 2 * AgentApi.MAX_TEXT) {
            throw Refused.badRequest("the query is longer than " + 2 * AgentApi.MAX_TEXT + " characters");
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw Refused.badRequest("the query must be name=value pairs");
            }
            String name;
            String value;
            try {
                name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Refused.badRequest("the query is not URL-encoded correctly");
            }
            if (!allowed.contains(name)) {
                throw Refused.badRequest("unknown query parameter '" + printable(name, 40) + "'; allowed: " + allowed);
            }
            if (query.put(name, value) != null) {
                throw Refused.badRequest("query parameter '" + name + "' given twice");
            }
        }
        return query;
    }

    private static JsonNode json(HttpExchange exchange, RawBody body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !isJson(contentType)) {
            throw Refused.unsupportedMediaType();
        }
        if (body.tooLarge()) {
            throw Refused.tooLarge(AgentApi.MAX_BODY_BYTES);
        }
        try {
            return AgentJson.parse(body.bytes());
        } catch (WireException e) {
            throw Refused.input(e);
        }
    }

    private static @Nullable JsonNode noBody(RawBody body) {
        if (body.present()) {
            throw Refused.badRequest("this request takes no body");
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase(AgentApi.JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (!parameter.equals("charset=utf-8")) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ answers

    private static String outcome(JsonNode answer) {
        JsonNode ok = answer.get("ok");
        if (ok != null && ok.isBoolean()) {
            return ok.booleanValue() ? "ok" : "host-failure " + answer.path("failure").path("kind").asString("");
        }
        JsonNode domino = answer.get("outcome");
        return domino != null ? "domino " + domino.asString("") : "ok";
    }

    private static void sendProblem(HttpExchange exchange, Refused refused, RawBody body) {
        ObjectNode problem = AgentJson.object();
        problem.put("type", refused.type());
        problem.put("title", refused.title());
        problem.put("status", refused.status());
        problem.put("detail", refused.getMessage());
        problem.put("instance", printable(exchange.getRequestURI().getRawPath(), 200));
        if (!refused.field().isEmpty()) {
            problem.put("field", refused.field());
        }
        if (refused.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", AgentApi.BEARER + " realm=\"calcon-agent\"");
        }
        if (!refused.allow().isEmpty()) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", refused.allow()));
        }
        send(exchange, refused.status(), AgentApi.PROBLEM_JSON, AgentJson.write(problem), body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body, RawBody request) {
        try {
            if (request.tooLarge()) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not answer {}: {}", exchange.getRequestURI().getRawPath(), e.toString());
        }
    }

    private static String caller(HttpExchange exchange) {
        InetSocketAddress remote = exchange.getRemoteAddress();
        return remote == null ? "?" : remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }

    /** Printable ASCII only, at most {@code max} characters: what a log line may show of a request. */
    static String printable(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return text.length() > max ? out + "..." : out.toString();
    }
}
