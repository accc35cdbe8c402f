package org.calconfleet.backend;

import java.time.Duration;
import java.util.Locale;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.simulated.SimulatedHostBuilder;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What makes the demo fleet worth watching, in one place. DemoFleet seeds the inventory (three sites, drift on
 * servers 5 and 6, a stopped connector on 7, logging below High on 9, GroupWise on 13); this gives the simulated
 * hosts behind it the traits an inventory does not record:
 * <ul>
 *   <li>every {@code *-EXC08} fails its next service start (Win32 1067, the process ended unexpectedly): a change
 *       to it is rolled back to its previous port;</li>
 *   <li>{@code SIN-EXC05} (in drift: desired 45003, registry 0) has TCP 45003 held by another process, so fixing its
 *       drift is refused at the precheck ("port in use on the host") instead of breaking the connector;</li>
 *   <li>{@code TKY-EXC09} and the other {@code *-EXC09} log below High (from DemoFleet's data): their changes end
 *       "unverifiable", not failed;</li>
 *   <li>service restarts take a few seconds of real time (stop 2 s, start 3 s, the simulated defaults), and each
 *       backend call 50 ms, so a rollout can be watched;</li>
 *   <li>Osaka's Domino servers have no agent: their EXCALCON commands go through the runbook, and the host run
 *       waits for an operator to confirm them.</li>
 * </ul>
 */
@Component
@Profile("demo")
class DemoHostQuirks implements SimulatedHostQuirks {

    static final String PORT_TAKEN_HOST = "SIN-EXC05";
    static final int PORT_TAKEN = 45003;
    static final String RUNBOOK_SITE_PREFIX = "OSA-";

    @Override
    public void shape(ExchangeServer server, SimulatedHostBuilder host) {
        String name = server.getHostName().toUpperCase(Locale.ROOT);
        host.latency(Duration.ofMillis(50));
        if (name.endsWith("-EXC08")) {
            host.failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        }
        if (name.equals(PORT_TAKEN_HOST)) {
            host.listener(PORT_TAKEN, 2412, "backupagent.exe");
        }
    }

    @Override
    public boolean dominoByRunbook(String dominoServer) {
        return dominoServer.toUpperCase(Locale.ROOT).startsWith(RUNBOOK_SITE_PREFIX);
    }
}
