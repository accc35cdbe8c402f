package org.calconfleet.host;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Exchange server, as a configuration job sees it. One instance per server; synchronous and
 * thread-safe; calls may block (network, service waits), so callers run them on virtual threads.
 * Every condition of the host comes back as a {@link HostResult.Failure}, never as an exception;
 * exceptions mean a programming error (e.g. a port outside 0..65535).
 */
public interface HostBackend {

    /** The host this backend talks to, as configured. */
    String hostName();

    /** The connector's service (short) name on this host; default {@value CalConRegistry#DEFAULT_SERVICE_NAME}. */
    String serviceName();

    /** Both port values under {@value CalConRegistry#PARAMETERS_KEY}; a missing key reads as both absent. */
    HostResult<CalConPorts> readCalConPorts();

    /** Writes both values as REG_DWORD (replacing any other type), creating the key if missing. */
    HostResult<Done> writeCalConPorts(int exchangeSidePort, int notesSidePort);

    /**
     * Puts values read earlier back exactly: present values are written as DWORDs, values of another type with
     * that type and data, absent ones deleted. A value whose data was not kept, or whose type is UNKNOWN, cannot
     * be put back: WRONG_VALUE_TYPE, nothing is written.
     */
    HostResult<Done> restoreCalConPorts(CalConPorts previous);

    /** The connector service's state; NOT_INSTALLED when no service has {@link #serviceName()}. */
    HostResult<ServiceState> queryServiceState();

    /** The short name of the service with this display name; NOT_FOUND when none has it. */
    HostResult<String> findServiceName(String displayName);

    /**
     * Stops the service and waits until STOPPED. Waits out a pending state first. Already stopped: OK,
     * nothing sent. Still pending after {@code timeout}: TIMED_OUT (retryable). Not installed: NOT_FOUND.
     */
    HostResult<ServiceState> stopService(Duration timeout);

    /**
     * Starts the service and waits until RUNNING. Already running: OK, nothing sent. Ends STOPPED: FAILED
     * with the Windows error or exit code (e.g. 1069 logon failure). Still pending after {@code timeout}:
     * TIMED_OUT. Not installed: NOT_FOUND.
     */
    HostResult<ServiceState> startService(Duration timeout);

    /** Stop then start: the restart of the procedure's step 4. */
    default HostResult<ServiceState> restartService(Duration stopTimeout, Duration startTimeout) {
        return stopService(stopTimeout).flatMap(stopped -> startService(startTimeout));
    }

    /**
     * Application-log entries of {@link CalConEvents#SOURCES} generated at or after {@code since},
     * compared in whole seconds (the event log's resolution), oldest first.
     */
    HostResult<List<HostEvent>> readCalConEvents(Instant since);

    /**
     * The level of {@value CalConRegistry#DIAGNOSTICS_CATEGORY} under {@value CalConRegistry#DIAGNOSTICS_KEY};
     * absent reads as NONE, a non-DWORD is WRONG_VALUE_TYPE.
     */
    HostResult<DiagnosticLevel> readDiagnosticLevel();

    /** TCP sockets in LISTEN state with their owning process; UNSUPPORTED where the backend cannot see them. */
    HostResult<List<TcpListener>> listTcpListeners();

    /** Tries a TCP connection from here to the host's port: the weaker check where listeners are unsupported. */
    HostResult<TcpProbe> probeTcpPort(int port, Duration timeout);
}
