package org.calconfleet.rollout;

/** What a host run's step asks of a host: named in its retry notes and failures ({@code rollout.action.<NAME>}). */
enum HostAction {
    READ_PORTS, WRITE_PORTS, RESTORE_PORTS, QUERY_SERVICE, STOP_SERVICE, START_SERVICE, READ_EVENTS
}
