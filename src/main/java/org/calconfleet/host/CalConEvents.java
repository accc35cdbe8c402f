package org.calconfleet.host;

import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Calendar Connector's event-log sources and the events the console reads as evidence or alarm. */
public final class CalConEvents {

    public static final String LOG = "Application";

    /** Source of 6001, 5010 and 2001. */
    public static final String SOURCE_NOTES_CAL = "MSExchangeNotesCal";

    /** Source of 5005 and 5006. */
    public static final String SOURCE_CALCON = "MSExchangeCalCon";

    public static final Set<String> SOURCES = Set.of(SOURCE_NOTES_CAL, SOURCE_CALCON);

    /** Information, written on service start at logging level High: {@code CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : <port>}. */
    public static final int RPC_PORT_CONFIGURED = 6001;

    /** Error: cannot connect to the Notes add-in task ExCalCon (the RPC link to Domino failed). */
    public static final int NOTES_LINK_FAILED = 5010;

    /** Error: cannot query a Notes user's calendar. */
    public static final int NOTES_CALENDAR_QUERY_FAILED = 2001;

    /** Error: cannot reach the public store. */
    public static final int PUBLIC_STORE_UNREACHABLE = 5005;

    /** Error: the connector is shutting down (also what the simulator logs when a start fails). */
    public static final int SHUTTING_DOWN = 5006;

    public static final String RPC_PORT_KEYWORD = "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT";

    private static final Pattern RPC_PORT = Pattern.compile(
            Pattern.quote(RPC_PORT_KEYWORD) + "[\\s:;=]*(\\d{1,5})(?!\\d)");

    /** The text of event 6001 for a port, exactly as the connector writes it. */
    public static String rpcPortText(int port) {
        return RPC_PORT_KEYWORD + " : " + port;
    }

    /** The port in a 6001 text; tolerant of how the insertion strings were split and joined. */
    public static OptionalInt parseRpcPort(String text) {
        Matcher m = RPC_PORT.matcher(text);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        int port = Integer.parseInt(m.group(1));
        return port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** The configured port if the event is a 6001 from {@value #SOURCE_NOTES_CAL}. */
    public static OptionalInt configuredPort(HostEvent event) {
        return event.is(SOURCE_NOTES_CAL, RPC_PORT_CONFIGURED) ? parseRpcPort(event.text()) : OptionalInt.empty();
    }

    public static boolean isNotesLinkFailure(HostEvent event) {
        return event.is(SOURCE_NOTES_CAL, NOTES_LINK_FAILED);
    }

    private CalConEvents() {
    }
}
