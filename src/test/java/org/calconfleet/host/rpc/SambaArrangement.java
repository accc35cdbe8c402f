package org.calconfleet.host.rpc;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostArrangement;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.RegistryValueType;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;

/**
 * The registry part of a host arranged in a real Samba with {@code net registry}: what the registry contracts
 * need. Samba runs no Calendar Connector and takes no injected faults, so everything else is refused; the test
 * that uses this implements only the contracts that need nothing else.
 */
final class SambaArrangement implements HostArrangement {

    private final SambaServer samba;

    SambaArrangement(SambaServer samba) {
        this.samba = samba;
    }

    /** Starts the host over: the connector's key tree removed, then the setup's registry values seeded. */
    void reset(HostSetup setup) {
        samba.deleteKeyTree(CalConRegistry.SERVICE_KEY);
        if (setup.parametersKey()) {
            samba.createKey(CalConRegistry.PARAMETERS_KEY);
        }
        setup.parameters().forEach((name, value) -> samba.setValue(CalConRegistry.PARAMETERS_KEY, name, value));
        if (setup.diagnostics() != null) {
            samba.setValue(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY, setup.diagnostics());
        }
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void putValue(String key, String valueName, RegistryValueType type, String data) {
        samba.setValue(key, valueName, new ArrangedValue(type, data));
    }

    @Override
    public void deleteValue(String key, String valueName) {
        samba.deleteValue(key, valueName);
    }

    @Override
    public Optional<ArrangedValue> value(String key, String valueName) {
        return samba.value(key, valueName);
    }

    @Override
    public void setDiagnosticLevel(DiagnosticLevel level) {
        samba.setValue(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY,
                ArrangedValue.dword(level.registryValue()));
    }

    @Override
    public void addListener(TcpListener listener) {
        throw unsupported("listeners");
    }

    @Override
    public void setDominoLinkFailing(boolean failing) {
        throw unsupported("a Domino link");
    }

    @Override
    public void setServiceTimings(Duration stop, Duration start) {
        throw unsupported("service timings");
    }

    @Override
    public void failNextStarts(int n, int win32ErrorCode) {
        throw unsupported("failing starts");
    }

    @Override
    public void injectFault(HostFailure kind, Set<HostOperation> operations, int times, Duration after) {
        throw unsupported("injected faults");
    }

    @Override
    public void clearFaults() {
        throw unsupported("injected faults");
    }

    @Override
    public ServiceState serviceState() {
        throw unsupported("the connector service");
    }

    @Override
    public int calConWrites() {
        throw unsupported("counted writes");
    }

    @Override
    public int startAttempts() {
        throw unsupported("counted starts");
    }

    @Override
    public int stopRequests() {
        throw unsupported("counted stops");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("a Samba peer cannot arrange " + what);
    }
}
