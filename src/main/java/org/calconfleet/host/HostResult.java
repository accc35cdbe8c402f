package org.calconfleet.host;

import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of one host call: a value, or a typed failure the caller can act on. Backends never throw
 * for conditions of the host (unreachable, access denied, wrong value type, time-outs); they return a
 * {@link Failure}.
 */
public sealed interface HostResult<T> permits HostResult.Ok, HostResult.Failure {

    static <T> HostResult<T> ok(T value) {
        return new Ok<>(value);
    }

    static HostResult<Done> done() {
        return new Ok<>(Done.DONE);
    }

    static <T> HostResult<T> failure(HostFailure kind, String detail) {
        return new Failure<>(kind, detail, kind.retryableByDefault(), Failure.NO_ERROR_CODE);
    }

    static <T> HostResult<T> failure(HostFailure kind, String detail, int windowsErrorCode) {
        return new Failure<>(kind, detail, kind.retryableByDefault(), windowsErrorCode);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The value; throws {@link IllegalStateException} on a failure (for tests and for code that checked). */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Failure<T> f -> throw new IllegalStateException(f.kind() + ": " + f.detail());
        };
    }

    default Optional<Failure<T>> failure() {
        return this instanceof Failure<T> f ? Optional.of(f) : Optional.empty();
    }

    default <U> HostResult<U> map(Function<? super T, ? extends U> mapper) {
        return switch (this) {
            case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
            case Failure<T> f -> f.cast();
        };
    }

    default <U> HostResult<U> flatMap(Function<? super T, HostResult<U>> mapper) {
        return switch (this) {
            case Ok<T> ok -> mapper.apply(ok.value());
            case Failure<T> f -> f.cast();
        };
    }

    record Ok<T>(T value) implements HostResult<T> {
    }

    /**
     * @param kind             what went wrong, with an i18n key
     * @param detail           technical detail for the operator and the log (English, not translated)
     * @param retryable        whether the condition is transient (time-out, unreachable) and worth a retry
     * @param windowsErrorCode the Win32 error or service exit code behind it, {@link #NO_ERROR_CODE} if none
     */
    record Failure<T>(HostFailure kind, String detail, boolean retryable, int windowsErrorCode)
            implements HostResult<T> {

        public static final int NO_ERROR_CODE = 0;

        public <U> Failure<U> cast() {
            return new Failure<>(kind, detail, retryable, windowsErrorCode);
        }

        public boolean hasWindowsErrorCode() {
            return windowsErrorCode != NO_ERROR_CODE;
        }
    }
}
