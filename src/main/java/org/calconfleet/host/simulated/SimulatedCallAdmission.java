package org.calconfleet.host.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostResult;
import org.jspecify.annotations.Nullable;

/**
 * What every backend call to a {@link SimulatedWindowsHost} meets before it touches the host: the network's latency
 * and the injected faults, counting the calls per operation. Guarded by the host's monitor.
 */
final class SimulatedCallAdmission {

    /** What a backend call must do before it touches the host: wait {@code delay}, then fail or go on. */
    record Admission(Duration delay, HostResult.@Nullable Failure<?> failure) {
    }

    private final List<ActiveFault> faults = new ArrayList<>();
    private final Map<HostOperation, Integer> calls = new EnumMap<>(HostOperation.class);
    private final Duration latency;

    SimulatedCallAdmission(Duration latency, List<SimulatedHostState.PendingFault> faults) {
        this.latency = latency;
        faults.forEach(f -> this.faults.add(new ActiveFault(f.fault(), f.left())));
    }

    List<SimulatedHostState.PendingFault> stored() {
        return faults.stream().map(f -> new SimulatedHostState.PendingFault(f.fault, f.left)).toList();
    }

    Duration latency() {
        return latency;
    }

    /** Counts the call and answers it; {@code spent} runs when a fault has one call fewer to fail. */
    Admission admit(HostOperation operation, String hostName, Runnable spent) {
        calls.merge(operation, 1, Integer::sum);
        Iterator<ActiveFault> it = faults.iterator();
        while (it.hasNext()) {
            ActiveFault active = it.next();
            if (!active.fault.appliesTo(operation)) {
                continue;
            }
            if (active.left != HostFault.ALWAYS) {
                if (--active.left == 0) {
                    it.remove();
                }
                spent.run();
            }
            HostFault f = active.fault;
            var failure = new HostResult.Failure<>(f.kind(),
                    "simulated " + f.kind() + " on " + operation + " at " + hostName,
                    f.kind().retryableByDefault(), f.windowsErrorCode());
            return new Admission(latency.plus(f.after()), failure);
        }
        return new Admission(latency, null);
    }

    void inject(HostFault fault) {
        faults.add(new ActiveFault(fault, fault.times()));
    }

    void clear() {
        faults.clear();
    }

    /** Backend calls of an operation, including those answered by a fault. */
    int calls(HostOperation operation) {
        return calls.getOrDefault(operation, 0);
    }

    private static final class ActiveFault {
        final HostFault fault;
        int left;

        ActiveFault(HostFault fault, int left) {
            this.fault = fault;
            this.left = left;
        }
    }
}
