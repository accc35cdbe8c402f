package org.calconfleet.host.simulated;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostArrangement;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;

/** {@link HostArrangement} directly over a {@link SimulatedWindowsHost}; also builds a host from a {@link HostSetup}. */
final class SimulatedArrangement implements HostArrangement {

    private final SimulatedWindowsHost host;

    SimulatedArrangement(SimulatedWindowsHost host) {
        this.host = host;
    }

    static SimulatedWindowsHost build(HostSetup setup, HostTime time) {
        return build(setup, time, SimulatedHostStore.NONE);
    }

    static SimulatedWindowsHost build(HostSetup setup, HostTime time, SimulatedHostStore store) {
        SimulatedHostBuilder b = SimulatedWindowsHost.builder(setup.hostName())
                .time(time)
                .store(store)
                .service(setup.serviceName(), setup.serviceState())
                .serviceTimings(setup.stopDuration(), setup.startDuration())
                .dominoLinkFailing(setup.dominoLinkFailing());
        if (!setup.parametersKey()) {
            b.withoutParametersKey();
        }
        setup.parameters().forEach((name, value) -> b.parameter(name, toValue(value.type(), value.data())));
        if (setup.diagnostics() != null) {
            b.diagnosticValue(toValue(setup.diagnostics().type(), setup.diagnostics().data()));
        }
        setup.listeners().forEach(l -> b.listener(l.port(), l.processId(), l.processName()));
        return b.build();
    }

    static RegistryValue toValue(RegistryValueType type, String data) {
        return switch (type) {
            case REG_DWORD -> RegistryValue.dword(Integer.parseUnsignedInt(data));
            case REG_QWORD -> RegistryValue.qword(Long.parseLong(data));
            case REG_SZ -> RegistryValue.string(data);
            case REG_EXPAND_SZ -> RegistryValue.expandString(data);
            case REG_MULTI_SZ -> RegistryValue.multiString(List.of(data.split("\n")));
            default -> new RegistryValue(type, data);
        };
    }

    @Override
    public Instant now() {
        return host.now();
    }

    @Override
    public void putValue(String key, String valueName, RegistryValueType type, String data) {
        host.putRegistryValue(key, valueName, toValue(type, data));
    }

    @Override
    public void deleteValue(String key, String valueName) {
        host.deleteRegistryValue(key, valueName);
    }

    @Override
    public Optional<ArrangedValue> value(String key, String valueName) {
        return host.registryValue(key, valueName).map(v -> new ArrangedValue(v.type(), switch (v.data()) {
            case Integer i -> Integer.toUnsignedString(i);
            case List<?> list -> String.join("\n", list.stream().map(Object::toString).toList());
            default -> v.data().toString();
        }));
    }

    @Override
    public void setDiagnosticLevel(DiagnosticLevel level) {
        host.setDiagnosticLevel(level);
    }

    @Override
    public void addListener(TcpListener listener) {
        host.addListener(listener);
    }

    @Override
    public void setDominoLinkFailing(boolean failing) {
        host.setDominoLinkFailing(failing);
    }

    @Override
    public void setServiceTimings(Duration stop, Duration start) {
        host.setServiceTimings(stop, start);
    }

    @Override
    public void failNextStarts(int n, int win32ErrorCode) {
        host.failNextStarts(n, win32ErrorCode);
    }

    @Override
    public void injectFault(HostFailure kind, Set<HostOperation> operations, int times, Duration after) {
        Set<HostOperation> ops = operations.isEmpty() ? Set.of() : EnumSet.copyOf(operations);
        host.injectFault(new HostFault(kind, ops, times, after, 0));
    }

    @Override
    public void clearFaults() {
        host.clearFaults();
    }

    @Override
    public ServiceState serviceState() {
        return host.serviceState();
    }

    @Override
    public int calConWrites() {
        return host.calConWrites();
    }

    @Override
    public int startAttempts() {
        return host.startAttempts();
    }

    @Override
    public int stopRequests() {
        return host.stopRequests();
    }
}
