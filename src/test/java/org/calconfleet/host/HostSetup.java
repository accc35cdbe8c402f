package org.calconfleet.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.jspecify.annotations.Nullable;

/**
 * The state a contract test wants a fresh host in. Plain data, so an adapter can send it over a wire.
 * Defaults: Parameters key present without values, no Diagnostics value, the connector service installed
 * under its default name and RUNNING, stop 2 s, start 3 s, no other listeners, Domino link healthy.
 */
public record HostSetup(
        String hostName,
        boolean parametersKey,
        Map<String, ArrangedValue> parameters,
        @Nullable ArrangedValue diagnostics,
        String serviceName,
        ServiceState serviceState,
        Duration stopDuration,
        Duration startDuration,
        List<TcpListener> listeners,
        boolean dominoLinkFailing) {

    public HostSetup {
        parameters = Map.copyOf(parameters);
        listeners = List.copyOf(listeners);
    }

    public static HostSetup defaults() {
        return new HostSetup("EXCH01", true, Map.of(), null, CalConRegistry.DEFAULT_SERVICE_NAME,
                ServiceState.RUNNING, Duration.ofSeconds(2), Duration.ofSeconds(3), List.of(), false);
    }

    public HostSetup withPorts(int exchangeSide, int notesSide) {
        return withParameter(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(exchangeSide))
                .withParameter(CalConRegistry.NOTES_SIDE_PORT_VALUE, ArrangedValue.dword(notesSide));
    }

    public HostSetup withParameter(String valueName, ArrangedValue value) {
        Map<String, ArrangedValue> copy = new LinkedHashMap<>(parameters);
        copy.put(valueName, value);
        return new HostSetup(hostName, true, copy, diagnostics, serviceName, serviceState, stopDuration,
                startDuration, listeners, dominoLinkFailing);
    }

    public HostSetup withoutParametersKey() {
        return new HostSetup(hostName, false, Map.of(), diagnostics, serviceName, serviceState, stopDuration,
                startDuration, listeners, dominoLinkFailing);
    }

    public HostSetup withDiagnosticLevel(DiagnosticLevel level) {
        return withDiagnostics(ArrangedValue.dword(level.registryValue()));
    }

    public HostSetup withDiagnostics(ArrangedValue value) {
        return new HostSetup(hostName, parametersKey, parameters, value, serviceName, serviceState, stopDuration,
                startDuration, listeners, dominoLinkFailing);
    }

    public HostSetup withService(ServiceState state) {
        return new HostSetup(hostName, parametersKey, parameters, diagnostics, serviceName, state, stopDuration,
                startDuration, listeners, dominoLinkFailing);
    }

    public HostSetup withServiceTimings(Duration stop, Duration start) {
        return new HostSetup(hostName, parametersKey, parameters, diagnostics, serviceName, serviceState, stop,
                start, listeners, dominoLinkFailing);
    }

    public HostSetup withListener(int port, int processId, String processName) {
        List<TcpListener> copy = new ArrayList<>(listeners);
        copy.add(new TcpListener(port, processId, processName));
        return new HostSetup(hostName, parametersKey, parameters, diagnostics, serviceName, serviceState,
                stopDuration, startDuration, copy, dominoLinkFailing);
    }

    public HostSetup withDominoLinkFailing() {
        return new HostSetup(hostName, parametersKey, parameters, diagnostics, serviceName, serviceState,
                stopDuration, startDuration, listeners, true);
    }
}
