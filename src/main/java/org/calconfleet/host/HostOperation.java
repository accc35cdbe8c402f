package org.calconfleet.host;

/** The operations of {@link HostBackend}, by name: for fault injection, logging and call counting. */
public enum HostOperation {
    READ_CALCON_PORTS,
    WRITE_CALCON_PORTS,
    RESTORE_CALCON_PORTS,
    QUERY_SERVICE,
    FIND_SERVICE,
    STOP_SERVICE,
    START_SERVICE,
    READ_EVENTS,
    READ_DIAGNOSTIC_LEVEL,
    LIST_TCP_LISTENERS,
    PROBE_TCP_PORT
}
