package org.calconfleet.host.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.jspecify.annotations.Nullable;

/**
 * Makes a {@link SimulatedWindowsHost} in a given state ({@link SimulatedWindowsHost#builder}). Defaults: connector
 * installed and RUNNING, ports absent, logging NONE.
 */
public final class SimulatedHostBuilder {

    final String hostName;
    HostTime time = HostTime.system();
    String serviceName = CalConRegistry.DEFAULT_SERVICE_NAME;
    ServiceState serviceState = ServiceState.RUNNING;
    String connectorProcess = SimulatedWindowsHost.DEFAULT_CONNECTOR_PROCESS;
    boolean parametersKey = true;
    final Map<String, RegistryValue> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    @Nullable RegistryValue diagnostics;
    final Map<String, String> otherServices = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    final List<TcpListener> listeners = new ArrayList<>();
    final List<HostFault> faults = new ArrayList<>();
    Duration stopDuration = Duration.ofSeconds(2);
    Duration startDuration = Duration.ofSeconds(3);
    Duration latency = Duration.ZERO;
    int startFailures;
    int startFailureCode;
    boolean dominoLinkFailing;
    SimulatedHostStore store = SimulatedHostStore.NONE;

    SimulatedHostBuilder(String hostName) {
        this.hostName = hostName;
    }

    public SimulatedHostBuilder time(HostTime time) {
        this.time = time;
        return this;
    }

    /** Both port values as DWORDs. */
    public SimulatedHostBuilder calConPorts(int exchangeSide, int notesSide) {
        values.put(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.dword(exchangeSide));
        values.put(CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(notesSide));
        return this;
    }

    /** Any value under the Parameters key, of any type (e.g. a port written as REG_SZ). */
    public SimulatedHostBuilder parameter(String valueName, RegistryValue value) {
        values.put(valueName, value);
        return this;
    }

    /** No Parameters key at all (and so no port values). */
    public SimulatedHostBuilder withoutParametersKey() {
        parametersKey = false;
        values.clear();
        return this;
    }

    public SimulatedHostBuilder diagnosticLevel(DiagnosticLevel level) {
        diagnostics = RegistryValue.dword(level.registryValue());
        return this;
    }

    public SimulatedHostBuilder diagnosticValue(RegistryValue value) {
        diagnostics = value;
        return this;
    }

    public SimulatedHostBuilder service(String name, ServiceState state) {
        this.serviceName = name;
        this.serviceState = state;
        return this;
    }

    public SimulatedHostBuilder serviceState(ServiceState state) {
        this.serviceState = state;
        return this;
    }

    public SimulatedHostBuilder serviceNotInstalled() {
        this.serviceState = ServiceState.NOT_INSTALLED;
        return this;
    }

    public SimulatedHostBuilder otherService(String name, String displayName) {
        otherServices.put(name, displayName);
        return this;
    }

    public SimulatedHostBuilder connectorProcess(String processName) {
        this.connectorProcess = processName;
        return this;
    }

    public SimulatedHostBuilder serviceTimings(Duration stop, Duration start) {
        this.stopDuration = stop;
        this.startDuration = start;
        return this;
    }

    public SimulatedHostBuilder listener(int port, int processId, String processName) {
        listeners.add(new TcpListener(port, processId, processName));
        return this;
    }

    public SimulatedHostBuilder dominoLinkFailing(boolean failing) {
        this.dominoLinkFailing = failing;
        return this;
    }

    public SimulatedHostBuilder failNextStarts(int n, int win32ErrorCode) {
        this.startFailures = n;
        this.startFailureCode = win32ErrorCode;
        return this;
    }

    public SimulatedHostBuilder failStartsAlways(int win32ErrorCode) {
        this.startFailures = HostFault.ALWAYS;
        this.startFailureCode = win32ErrorCode;
        return this;
    }

    public SimulatedHostBuilder fault(HostFault fault) {
        faults.add(fault);
        return this;
    }

    public SimulatedHostBuilder latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Where the host saves its state after every change (from its first state on); none by default. */
    public SimulatedHostBuilder store(SimulatedHostStore store) {
        this.store = store;
        return this;
    }

    public SimulatedWindowsHost build() {
        return new SimulatedWindowsHost(this);
    }
}
