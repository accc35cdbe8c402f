package org.calconfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLParameters;

import org.calconfleet.host.agent.PinnedTrustManager;
import org.jspecify.annotations.Nullable;

/** Sends any request at all to an agent (over its pinned TLS): the tool for requests no console would send. */
public final class RawAgentClient implements AutoCloseable {

    private final AgentProcess agent;
    private final HttpClient client;

    public RawAgentClient(AgentProcess agent) {
        this.agent = agent;
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3"});
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(PinnedTrustManager.clientContext(agent.fingerprint()))
                .sslParameters(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public record Response(int status, HttpHeaders headers, String body) {
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    /** A request as given; {@code authorization} null for none, each element one header. */
    public record Request(String method, String pathAndQuery, List<String> authorization, @Nullable String contentType,
            byte @Nullable [] body) {

        public static Request of(String method, String pathAndQuery, String token, @Nullable String json) {
            return new Request(method, pathAndQuery, List.of("Bearer " + token), json == null ? null : "application/json",
                    json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }

        public Request withAuthorization(List<String> values) {
            return new Request(method, pathAndQuery, values, contentType, body);
        }

        public Request withContentType(@Nullable String type) {
            return new Request(method, pathAndQuery, authorization, type, body);
        }

        @Override
        public String toString() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + shorten(pathAndQuery) + (body == null ? "" : " " + shorten(text));
        }

        private static String shorten(String text) {
            String visible = text.replaceAll("\\p{Cntrl}", "?");
            return visible.length() > 70 ? visible.substring(0, 70) + "…(" + visible.length() + ")" : visible;
        }
    }

    public Response send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(agent.baseUri() + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(20))
                .method(request.method(), request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String value : request.authorization()) {
            builder.header("Authorization", value);
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The agent's access-log lines so far. */
    public List<String> accessLog() {
        List<String> lines = new ArrayList<>();
        for (String line : agent.log().split("\n")) {
            if (line.contains("org.calconfleet.agent.access")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Override
    public void close() {
        client.close();
    }
}
