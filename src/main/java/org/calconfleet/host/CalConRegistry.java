package org.calconfleet.host;

/**
 * Where the Calendar Connector keeps its configuration on an Exchange 2007 server, and how its service
 * is named. Paths are relative to HKEY_LOCAL_MACHINE.
 */
public final class CalConRegistry {

    public static final String SERVICE_KEY = "System\\CurrentControlSet\\Services\\MSExchangeCalCon";

    public static final String PARAMETERS_KEY = SERVICE_KEY + "\\Parameters";

    /** DWORD: the port of the Calendar Connector (Exchange) side. */
    public static final String EXCHANGE_SIDE_PORT_VALUE = "NotesCal.Exchange CalCon RPC Port";

    /** DWORD: the port of the Lotus Notes (ExCalCon) side. */
    public static final String NOTES_SIDE_PORT_VALUE = "NotesCal.Notes ExCalCon RPC Port";

    /** Legacy diagnostic logging: one DWORD per category under this key. */
    public static final String DIAGNOSTICS_KEY = SERVICE_KEY + "\\Diagnostics";

    /**
     * The category whose level decides whether event 6001 is written (its event category is "General").
     * An inference from the legacy layout; make it a setting if a real host names it otherwise.
     */
    public static final String DIAGNOSTICS_CATEGORY = "General";

    /** Default service (short) name; a per-server setting, since it is inferred from the registry key. */
    public static final String DEFAULT_SERVICE_NAME = "MSExchangeCalCon";

    public static final String SERVICE_DISPLAY_NAME = "Microsoft Exchange Free Busy Connector for Lotus Domino";

    private CalConRegistry() {
    }
}
