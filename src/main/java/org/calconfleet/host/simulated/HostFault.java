package org.calconfleet.host.simulated;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.WindowsErrors;

/**
 * A fault the simulated host answers calls with: on all operations (empty set) or on named ones, for the
 * next {@code times} calls or always ({@link #ALWAYS}), after spending {@code after} (a time-out takes its
 * time before it fails).
 */
public record HostFault(HostFailure kind, Set<HostOperation> operations, int times, Duration after,
        int windowsErrorCode) {

    public static final int ALWAYS = -1;

    public HostFault {
        operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        if (times == 0 || times < ALWAYS) {
            throw new IllegalArgumentException("times must be positive or ALWAYS");
        }
    }

    public static HostFault unreachable() {
        return new HostFault(HostFailure.UNREACHABLE, Set.of(), ALWAYS, Duration.ZERO,
                WindowsErrors.RPC_S_SERVER_UNAVAILABLE);
    }

    public static HostFault accessDenied() {
        return new HostFault(HostFailure.ACCESS_DENIED, Set.of(), ALWAYS, Duration.ZERO,
                WindowsErrors.ERROR_ACCESS_DENIED);
    }

    /** The call hangs for {@code after}, then fails TIMED_OUT. */
    public static HostFault timeout(Duration after) {
        return new HostFault(HostFailure.TIMED_OUT, Set.of(), ALWAYS, after, 0);
    }

    public static HostFault failed(int windowsErrorCode) {
        return new HostFault(HostFailure.FAILED, Set.of(), ALWAYS, Duration.ZERO, windowsErrorCode);
    }

    public HostFault on(HostOperation first, HostOperation... more) {
        return new HostFault(kind, EnumSet.of(first, more), times, after, windowsErrorCode);
    }

    public HostFault times(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        return new HostFault(kind, operations, n, after, windowsErrorCode);
    }

    public boolean appliesTo(HostOperation operation) {
        return operations.isEmpty() || operations.contains(operation);
    }
}
