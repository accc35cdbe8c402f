package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.drift.DriftScan;
import org.calconfleet.fleet.Drift;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.EventType;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DriftScanTest extends RolloutTestBase {

    @Autowired
    DriftScan scan;

    private static void ports(SimulatedWindowsHost host, int port) {
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, RegistryValue.dword(port));
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE, RegistryValue.dword(port));
    }

    private List<AuditEntry> drifts(String hostName) {
        return history(hostName).stream().filter(e -> e.getAction() == AuditAction.DRIFT_DETECTED).toList();
    }

    @Test
    void the_scan_records_what_hosts_show_and_audits_drift_once_per_change_of_it() {
        List<Long> ids = servers("DRI", 2, 45001);
        SimulatedWindowsHost drifting = host(ids.get(0));
        host(ids.get(1));
        ports(drifting, 45003);
        drifting.logApplicationEvent(CalConEvents.SOURCE_NOTES_CAL, CalConEvents.RPC_PORT_CONFIGURED,
                EventType.INFORMATION, CalConEvents.rpcPortText(45003));

        scan.scan();
        assertThat(server(ids.get(0)).getObservedExchangePort()).isEqualTo(45003);
        assertThat(server(ids.get(0)).drift()).isEqualTo(Drift.DRIFTED);
        assertThat(server(ids.get(0)).getLastEvidenceText()).isEqualTo("CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45003");
        assertThat(server(ids.get(1)).drift()).isEqualTo(Drift.IN_SYNC);
        assertThat(drifts("DRI-0001")).hasSize(1);
        String after = drifts("DRI-0001").getFirst().getAfter();
        assertThat(Rendered.stored(after)).isEqualTo(StoredMessage.of("rollout.audit.drift",
                StoredMessage.port(45001), StoredMessage.verbatim("45003/45003"),
                new StoredMessage.Choice(Drift.DRIFTED.messageKey())));
        assertThat(Rendered.english(after)).isEqualTo("desired 45001, observed 45003/45003 (Drift)");
        assertThat(Rendered.japanese(after)).isEqualTo("設定するポート 45001、観測したポート 45003/45003（ドリフト）");

        scan.scan();
        assertThat(drifts("DRI-0001")).as("the same drift again").hasSize(1);

        ports(drifting, 45004);
        scan.scan();
        assertThat(drifts("DRI-0001")).as("the drifted values moved").hasSize(2);

        ports(drifting, 45001);
        scan.scan();
        assertThat(server(ids.get(0)).drift()).isEqualTo(Drift.IN_SYNC);
        assertThat(drifts("DRI-0001")).hasSize(2);
        assertThat(drifts("DRI-0002")).isEmpty();
        assertThat(drifting.calConWrites()).as("monitor only").isZero();
    }
}
