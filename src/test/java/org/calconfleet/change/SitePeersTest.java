package org.calconfleet.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.calconfleet.fleet.FleetObservations.DesiredPort;
import org.calconfleet.port.PeerPorts;
import org.calconfleet.port.RpcPort;
import org.junit.jupiter.api.Test;

class SitePeersTest {

    private final List<DesiredPort> fleet = List.of(
            new DesiredPort(1, "Tokyo", 45001),
            new DesiredPort(2, "Tokyo", 45002),
            new DesiredPort(3, "Osaka", 45003),
            new DesiredPort(4, "Osaka", 45001),
            new DesiredPort(5, "Nagoya", null),
            new DesiredPort(6, "Nagoya", 80),
            new DesiredPort(7, "Tokyo", 45007));

    @Test
    void a_server_has_its_sites_ports_as_peers_on_site_and_the_other_sites_ports_as_peers_in_the_fleet() {
        PeerPorts tokyo = new SitePeers(fleet, Set.of()).of("Tokyo");

        assertThat(tokyo.site()).isEqualTo("Tokyo");
        assertThat(tokyo.onSite()).containsExactlyInAnyOrder(port(45001), port(45002), port(45007));
        assertThat(tokyo.inFleet()).containsExactlyInAnyOrder(port(45003), port(45001));
    }

    @Test
    void the_servers_in_the_change_and_servers_without_a_valid_port_are_no_peers() {
        SitePeers peers = new SitePeers(fleet, List.of(2L, 3L));

        assertThat(peers.of("Tokyo").onSite()).containsExactlyInAnyOrder(port(45001), port(45007));
        assertThat(peers.of("Tokyo").inFleet()).containsExactly(port(45001));
        assertThat(peers.of("Nagoya").onSite()).isEmpty();
    }

    @Test
    void a_site_without_servers_has_every_port_of_the_fleet_as_peers_in_the_fleet() {
        PeerPorts nowhere = new SitePeers(fleet, Set.of()).of("");

        assertThat(nowhere.onSite()).isEmpty();
        assertThat(nowhere.inFleet()).containsExactlyInAnyOrder(port(45001), port(45002), port(45003), port(45007));
    }

    private static RpcPort port(int value) {
        return RpcPort.of(value);
    }
}
