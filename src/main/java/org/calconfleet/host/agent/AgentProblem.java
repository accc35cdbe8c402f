package org.calconfleet.host.agent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;

/**
 * Why a call to an agent failed before the host could answer, with the {@link HostFailure} it is reported as and
 * the i18n key of its text ({@code i18n/agent.properties}). A failure's detail starts with the problem's English
 * text, so {@link #of(HostResult.Failure)} can tell it again from the detail alone.
 */
public enum AgentProblem {
    /** The agent's certificate is not the pinned one: reinstalled agent or someone in between. Not retried. */
    CERTIFICATE_MISMATCH(HostFailure.ACCESS_DENIED, false, "agent certificate does not match the pinned fingerprint"),
    /** TLS could not be set up for another reason (not TLS 1.3, not an agent at that port). */
    TLS_FAILED(HostFailure.UNREACHABLE, false, "TLS handshake with the agent failed"),
    /** 401: the token is not this agent's. Not retried. */
    TOKEN_REFUSED(HostFailure.ACCESS_DENIED, false, "agent refused the token"),
    /** No TCP connection (refused, no route, connect time-out). */
    AGENT_UNREACHABLE(HostFailure.UNREACHABLE, true, "agent unreachable"),
    /** Connected, but no answer in time; for a write the outcome is unknown. */
    AGENT_TIMED_OUT(HostFailure.TIMED_OUT, true, "agent did not answer in time"),
    /** 503 or 429: too many requests at once. */
    AGENT_BUSY(HostFailure.UNREACHABLE, true, "agent is busy"),
    /** 4xx other than 401/404: client and agent disagree on the protocol. */
    REQUEST_REFUSED(HostFailure.FAILED, false, "agent refused the request"),
    /** 404: this agent does not offer the operation (side disabled, older agent). */
    NOT_OFFERED(HostFailure.UNSUPPORTED, false, "agent does not offer this operation"),
    /** 5xx: the agent failed. */
    AGENT_ERROR(HostFailure.FAILED, false, "agent failed"),
    /** 200, but not an answer of this protocol. */
    UNREADABLE_ANSWER(HostFailure.FAILED, false, "agent answer unreadable");

    private final HostFailure kind;
    private final boolean retryable;
    private final String text;

    AgentProblem(HostFailure kind, boolean retryable, String text) {
        this.kind = kind;
        this.retryable = retryable;
        this.text = text;
    }

    public HostFailure kind() {
        return kind;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The English text a failure's detail starts with. */
    public String text() {
        return text;
    }

    public String messageKey() {
        return "agent.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A failure of this problem; {@code specifics} follow the problem's text in the detail. */
    public <T> HostResult.Failure<T> failure(String specifics) {
        return new HostResult.Failure<>(kind, text + ": " + specifics, retryable, HostResult.Failure.NO_ERROR_CODE);
    }

    /** The problem behind a failure this package made, or empty for a failure the host reported. */
    public static Optional<AgentProblem> of(HostResult.Failure<?> failure) {
        return Arrays.stream(values()).filter(p -> failure.detail().startsWith(p.text + ": ")).findFirst();
    }
}
