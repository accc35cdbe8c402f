package org.calconfleet.fleet;

import java.util.Locale;

/**
 * How the console reaches a server's registry, service and event log: a simulated host, the agent on the host, the
 * Windows API of a console that runs on Windows (JNA), or the Windows wire protocols over SMB from a console on any
 * operating system (RPC, the default path to Exchange 2007 hosts).
 */
public enum BackendKind {
    SIMULATED, AGENT, WINDOWS, RPC;

    /** The kind's label, on screens and in the audit trail. */
    public String messageKey() {
        return "fleet.backend." + name().toLowerCase(Locale.ROOT);
    }

    /** Whether the backend reaches the host through the server's backend address; a simulated host is its name. */
    public boolean usesAddress() {
        return this != SIMULATED;
    }
}
