package org.calconfleet.host.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.hierynomus.mssmb2.SMB2Dialect;

import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.rpc.SambaServer.EventRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The dialects of the Windows releases Exchange 2007 runs on: a Samba capped at SMB 2.0.2 (Server 2008) or 2.1
 * (Server 2008 R2) serves a whole change, once to a client offering every dialect (what the console does) and once
 * to a client offering only that dialect (so the negotiation cannot have settled on another).
 */
@SambaTest
class RpcDialectSambaTest {

    enum ServerRelease {
        SERVER_2008("SMB2_02", SMB2Dialect.SMB_2_0_2),
        SERVER_2008_R2("SMB2_10", SMB2Dialect.SMB_2_1);

        final String sambaMaxProtocol;
        final SMB2Dialect dialect;

        ServerRelease(String sambaMaxProtocol, SMB2Dialect dialect) {
            this.sambaMaxProtocol = sambaMaxProtocol;
            this.dialect = dialect;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ServerRelease.class)
    void a_whole_change_runs_at_the_dialect_of(ServerRelease release) {
        try (SambaServer samba = new SambaServer(release.sambaMaxProtocol);
                RpcHostBackends offeringAll = new RpcHostBackends();
                RpcHostBackends offeringOne = new RpcHostBackends(RpcSettings.defaults().withDialects(release.dialect))) {
            changeRunsOn(samba, offeringAll.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER), 45001);
            changeRunsOn(samba, offeringOne.backend(samba.target(), SambaServer.admin(), SambaServer.SPOOLER), 45002);
        }
    }

    /** Write, restart, find the evidence: the steps of one host's change. */
    private static void changeRunsOn(SambaServer samba, HostBackend backend, int port) {
        Instant before = Instant.now().minusSeconds(1);
        backend.writeCalConPorts(port, port).orElseThrow();
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(port, port));
        assertThat(backend.restartService(Duration.ofSeconds(30), Duration.ofSeconds(30)).orElseThrow())
                .isEqualTo(ServiceState.RUNNING);
        samba.writeEvents(List.of(EventRecord.information(CalConEvents.SOURCE_NOTES_CAL,
                CalConEvents.RPC_PORT_CONFIGURED, Instant.now(), CalConEvents.rpcPortText(port))));

        assertThat(backend.readCalConEvents(before).orElseThrow())
                .anySatisfy(e -> assertThat(CalConEvents.configuredPort(e)).hasValue(port));
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)).isPresent();
    }
}
