package org.calconfleet.host.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostTime;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One console's HTTPS connection to one agent: TLS 1.3 trusting only the pinned certificate, the host's bearer
 * token on every request, connect and read time-outs, and retries with exponential backoff for reads only.
 * Every outcome is a {@link HostResult}: the agent's JSON answer (status 200), or a failure whose detail starts
 * with an {@link AgentProblem}'s text. Thread-safe; close it when the host's backends are dropped.
 */
public final class AgentConnection implements AutoCloseable {

    /**
     * @param connectTimeout until the TCP and TLS connection stand
     * @param readTimeout    until the answer's headers arrive, on top of any wait the call itself asks for
     * @param retry          for reads; writes are sent once
     * @param sleeper        waits out the backoff (tests pass one that does not sleep)
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, RetryPolicy retry, HostTime.Sleeper sleeper) {

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), RetryPolicy.defaults(), Thread::sleep);
        }

        public Settings withTimeouts(Duration connect, Duration read) {
            return new Settings(connect, read, retry, sleeper);
        }

        public Settings withSleeper(HostTime.Sleeper value) {
            return new Settings(connectTimeout, readTimeout, retry, value);
        }
    }

    private final URI base;
    private final String authorization;
    private final Settings settings;
    private final HttpClient client;

    public AgentConnection(URI baseUri, CertificateFingerprint pin, String token, Settings settings) {
        if (!"https".equalsIgnoreCase(baseUri.getScheme()) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("an agent is reached at https://host:port, not " + baseUri);
        }
        if (!AgentApi.TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("not an agent token (32 to 256 characters A-Z a-z 0-9 . _ ~ + / -)");
        }
        String text = baseUri.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.authorization = AgentApi.BEARER + " " + token;
        this.settings = settings;
        SSLParameters tls = new SSLParameters();
        tls.setProtocols(new String[] {"TLSv1.3"});
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(PinnedTrustManager.clientContext(pin))
                .sslParameters(tls)
                .build();
    }

    public static AgentConnection to(AgentAddress address, String token, Settings settings) {
        return new AgentConnection(address.baseUri(), address.fingerprint(), token, settings);
    }

    public URI baseUri() {
        return base;
    }

    /** A GET, tried again per the retry policy while the agent is unreachable, busy or slow. */
    public HostResult<JsonNode> read(String pathAndQuery, Duration extraTime) {
        HttpRequest request = request(pathAndQuery, extraTime).GET().build();
        HostResult<JsonNode> result = HostResult.failure(HostFailure.FAILED, "no attempt");
        for (int attempt = 1; attempt <= settings.retry().maxAttempts(); attempt++) {
            if (attempt > 1) {
                try {
                    settings.sleeper().sleep(settings.retry().backoffBefore(attempt));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return HostResult.failure(HostFailure.INTERRUPTED, "interrupted while waiting to ask the agent again");
                }
            }
            result = exchange(request);
            if (!(result instanceof HostResult.Failure<JsonNode> f) || !worthRetrying(f)) {
                return result;
            }
            if (attempt == settings.retry().maxAttempts() && attempt > 1) {
                return new HostResult.Failure<>(f.kind(), f.detail() + " (" + attempt + " attempts)", f.retryable(),
                        f.windowsErrorCode());
            }
        }
        return result;
    }

    /** A request that changes something (PUT, POST, DELETE): sent once, whatever happens. */
    public HostResult<JsonNode> change(String method, String path, @Nullable JsonNode body, Duration extraTime) {
        HttpRequest.Builder request = request(path, extraTime);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", AgentApi.JSON)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(AgentJson.write(body)));
        }
        return exchange(request.build());
    }

    @Override
    public void close() {
        client.close();
    }

    // ------------------------------------------------------------------

    private HttpRequest.Builder request(String pathAndQuery, Duration extraTime) {
        if (!pathAndQuery.startsWith(AgentApi.V1 + "/")) {
            throw new IllegalArgumentException("not an agent path: " + pathAndQuery);
        }
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(settings.readTimeout().plus(extraTime.isNegative() ? Duration.ZERO : extraTime))
                .header("Authorization", authorization)
                .header("Accept", AgentApi.JSON + ", " + AgentApi.PROBLEM_JSON)
                .header("User-Agent", "calcon-fleet-console");
    }

    private static boolean worthRetrying(HostResult.Failure<?> failure) {
        return AgentProblem.of(failure).filter(p -> p == AgentProblem.AGENT_UNREACHABLE
                || p == AgentProblem.AGENT_TIMED_OUT || p == AgentProblem.AGENT_BUSY).isPresent();
    }

    private HostResult<JsonNode> exchange(HttpRequest request) {
        String what = request.method() + " " + request.uri().getRawPath();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(AgentJson.MAX_ANSWER_BYTES + 1);
            }
            if (body.length > AgentJson.MAX_ANSWER_BYTES) {
                return AgentProblem.UNREADABLE_ANSWER.failure(what + ": answer larger than "
                        + AgentJson.MAX_ANSWER_BYTES + " bytes");
            }
            return answer(what, response.statusCode(), body);
        } catch (HttpConnectTimeoutException e) {
            return AgentProblem.AGENT_UNREACHABLE.failure(what + ": no connection to " + base + " within "
                    + settings.connectTimeout());
        } catch (HttpTimeoutException e) {
            return AgentProblem.AGENT_TIMED_OUT.failure(what + ": no answer from " + base + " within "
                    + request.timeout().orElse(settings.readTimeout()));
        } catch (IOException e) {
            return transportFailure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostResult.failure(HostFailure.INTERRUPTED, what + " on " + base + " interrupted");
        }
    }

    private HostResult<JsonNode> transportFailure(String what, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedTrustManager.CertificateMismatchException mismatch) {
                return AgentProblem.CERTIFICATE_MISMATCH.failure(base + " presented " + mismatch.presented()
                        + ", pinned is " + mismatch.expected() + "; nothing was sent");
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return AgentProblem.TLS_FAILED.failure(base + ": " + ssl.getMessage());
            }
            if (t instanceof ConnectException) {
                return AgentProblem.AGENT_UNREACHABLE.failure(what + ": cannot connect to " + base
                        + " (" + t.getMessage() + ")");
            }
        }
        return AgentProblem.AGENT_UNREACHABLE.failure(what + ": " + base + " (" + e + ")");
    }

    private static HostResult<JsonNode> answer(String what, int status, byte[] body) {
        if (status == 200) {
            try {
                return HostResult.ok(AgentJson.parseAnswer(body));
            } catch (WireException e) {
                return AgentProblem.UNREADABLE_ANSWER.failure(what + ": " + e.getMessage());
            }
        }
        String specifics = what + ": HTTP " + status + problemText(body);
        AgentProblem problem = switch (status) {
            case 401 -> AgentProblem.TOKEN_REFUSED;
            case 404 -> AgentProblem.NOT_OFFERED;
            case 429, 503 -> AgentProblem.AGENT_BUSY;
            case 504 -> AgentProblem.AGENT_TIMED_OUT;
            default -> status >= 400 && status < 500 ? AgentProblem.REQUEST_REFUSED
                    : status >= 500 ? AgentProblem.AGENT_ERROR : AgentProblem.UNREADABLE_ANSWER;
        };
        return problem.failure(specifics);
    }

    /** The title and detail of an RFC 9457 answer, if it is one. */
    private static String problemText(byte[] body) {
        try {
            JsonNode problem = AgentJson.parseAnswer(body);
            String title = problem.path("title").asString("");
            String detail = problem.path("detail").asString("");
            String text = (title + (detail.isEmpty() ? "" : ": " + detail)).strip();
            return text.isEmpty() ? "" : " " + (text.length() > 500 ? text.substring(0, 500) : text);
        } catch (WireException | IllegalArgumentException e) {
            return "";
        }
    }
}
