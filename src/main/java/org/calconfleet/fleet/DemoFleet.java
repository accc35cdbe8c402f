package org.calconfleet.fleet;

import org.calconfleet.common.SeedLock;
import org.calconfleet.port.ConnectorKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A simulated fleet for the demo: three sites, pinned and dynamic ports, servers in drift, a stopped
 * connector, GroupWise connectors. Seeded once, into an empty inventory only.
 */
@Component
@Profile("demo")
@Order(1)
class DemoFleet implements ApplicationRunner {

    record DemoSite(String name, String prefix, int port, int subnet) {
    }

    static final List<DemoSite> SITES = List.of(
            new DemoSite("Tokyo", "TKY", 45001, 10),
            new DemoSite("Osaka", "OSA", 45002, 20),
            new DemoSite("Singapore", "SIN", 45003, 30));
    static final int SERVERS_PER_SITE = 14;

    private final ExchangeServerRepository servers;
    private final Clock clock;
    private final SeedLock seedLock;

    DemoFleet(ExchangeServerRepository servers, Clock clock, SeedLock seedLock) {
        this.servers = servers;
        this.clock = clock;
        this.seedLock = seedLock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seedLock.hold();
        if (servers.count() > 0) {
            return;
        }
        Instant now = clock.instant();
        for (DemoSite site : SITES) {
            for (int n = 1; n <= SERVERS_PER_SITE; n++) {
                servers.save(server(site, n, now));
            }
        }
    }

    private static ExchangeServer server(DemoSite site, int n, Instant now) {
        ExchangeServer server = new ExchangeServer("%s-EXC%02d".formatted(site.prefix(), n), site.name());
        server.setExchangeVersion(n % 3 == 0 ? "2007 SP2" : "2007 SP3");
        server.setIpAddress("10.%d.1.%d".formatted(site.subnet(), n));
        server.setDominoServer("%s-DOM%02d".formatted(site.prefix(), (n + 1) / 2));
        server.setDominoAddress("10.%d.2.%d".formatted(site.subnet(), (n + 1) / 2));
        server.setCalendarSystem("ExchangeFreeBusy");
        server.setBackendKind(BackendKind.SIMULATED);
        server.setDiagnosticsHigh(n != 9);
        server.setServiceState(ConnectorServiceState.RUNNING);
        int pinned = site.port();
        switch (n) {
            case 1, 2 -> dynamic(server);
            case 5 -> {
                server.setDesiredPort(pinned);
                server.observePorts(0, 0);
            }
            case 6 -> {
                server.setDesiredPort(pinned);
                server.observePorts(pinned, pinned + 1);
            }
            case 7 -> {
                pinned(server, pinned);
                server.setServiceState(ConnectorServiceState.STOPPED);
            }
            case 13 -> {
                server.setConnectorKind(ConnectorKind.NOVELL_GROUPWISE);
                server.setDominoServer(null);
                server.setDominoAddress(null);
                server.setCalendarSystem(null);
                dynamic(server);
            }
            default -> pinned(server, pinned);
        }
        if (server.getServiceState() == ConnectorServiceState.RUNNING && server.getObservedExchangePort() != null
                && server.getDiagnosticsHigh() == Boolean.TRUE) {
            server.recordEvidence(now.minusSeconds(86_400L * n),
                    "CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : " + server.getObservedNotesPort());
        }
        server.touch(now, "demo");
        return server;
    }

    private static void dynamic(ExchangeServer server) {
        server.setDesiredPort(0);
        server.observePorts(0, 0);
    }

    private static void pinned(ExchangeServer server, int port) {
        server.setDesiredPort(port);
        server.observePorts(port, port);
    }
}
