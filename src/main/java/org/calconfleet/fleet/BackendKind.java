package org.calconfleet.fleet;

/** How the console reaches a server's registry, service and event log. */
public enum BackendKind {
    SIMULATED, AGENT, WINDOWS
}
