package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.calconfleet.rollout.Rendered.english;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostArrangement.ArrangedValue;
import org.calconfleet.host.rpc.SambaServer;
import org.calconfleet.host.rpc.SambaTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole change against a real implementation of the Windows wire protocols: the console plans, a second operator
 * approves, and the engine writes both DWORDs, restarts the service and reads event 6001 over SMB from a Samba server,
 * then waits for the Domino runbook. Samba cannot run the connector, so its one service that really stops and starts
 * (Spooler) stands in for it, and this test plays the connector's part of writing 6001 with the port it finds in the
 * registry once the service has been restarted.
 */
@SambaTest
@TestPropertySource(properties = {"calcon.rollout.verify-attempts=100", "calcon.rollout.verify-delay=100ms"})
class RolloutOverRpcSambaTest extends RolloutTestBase {

    private static final String HOST = "SMB-EXC01";
    private static final int OLD_PORT = 40000;
    private static final int NEW_PORT = 45031;

    private static SambaServer samba;

    @Autowired
    CredentialService credentials;

    @BeforeAll
    static void startSamba() {
        samba = new SambaServer("SMB2_10");
    }

    @AfterAll
    static void stopSamba() {
        samba.close();
    }

    @Test
    void a_change_is_planned_approved_written_restarted_verified_and_handed_to_the_domino_runbook_over_smb() {
        samba.setValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, ArrangedValue.dword(OLD_PORT));
        samba.setValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE, ArrangedValue.dword(OLD_PORT));
        samba.setValue(CalConRegistry.DIAGNOSTICS_KEY, CalConRegistry.DIAGNOSTICS_CATEGORY, ArrangedValue.dword(5));
        long id = Users.as("admin", Role.ADMIN, () -> {
            credentials.create("samba-admin", CredentialKind.WINDOWS_ACCOUNT, ".\\" + SambaServer.ADMIN,
                    SambaServer.ADMIN_PASSWORD);
            ServerValues simulated = Fleets.values(HOST, 1, NEW_PORT);
            ServerValues overSmb = new ServerValues(simulated.hostName(), simulated.ipAddress(), simulated.site(),
                    simulated.exchangeVersion(), simulated.connectorKind(), simulated.dominoServer(),
                    simulated.dominoAddress(), simulated.calendarSystem(), SambaServer.SPOOLER, BackendKind.RPC,
                    "127.0.0.1:" + samba.port(), "samba-admin", NEW_PORT, null, null, null, 1);
            return Objects.requireNonNull(fleet.create(overSmb).getId());
        });

        ChangeDraft draft = ChangeDraft.now(List.of(id), NEW_PORT, "pin over SMB", "CHG-SMB",
                new ChangeDraft.Waves(0, 1, 1, 0));
        HostPlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft)).hosts().getFirst();
        assertThat(plan.verdict()).isEqualTo(HostPlan.Verdict.CHANGE);
        assertThat(plan.unverifiable()).as("logging High read over SMB").isFalse();
        assertThat(plan.prechecks()).filteredOn(check -> check.check() == Precheck.Check.PORT_FREE).singleElement()
                .satisfies(check -> assertThat(english(check.detail())).as("the plan names the weaker check it did")
                        .contains("refuses connections", "TCP connect from the console"));
        ChangeSummary submitted = submit(draft);
        Instant approvedAt = Instant.now();
        AtomicBoolean connectorStarted = new AtomicBoolean();
        Thread connector = Thread.ofVirtual().start(() -> playTheConnector(submitted.id(), connectorStarted));
        approve(submitted.id());
        ChangeSummary waiting = awaitFinished(submitted.id());
        connector.interrupt();

        HostRunView run = run(submitted.id(), HOST);
        assertThat(run.state()).as(run.lastMessage()).isEqualTo(HostRunState.AWAITING_CONFIRMATION);
        assertThat(waiting.state()).isEqualTo(ChangeState.RUNNING);
        assertThat(connectorStarted).as("the service was restarted after the write").isTrue();
        assertThat(run.verification()).isEqualTo(Verification.VERIFIED);
        assertThat(run.evidence()).extracting(Evidence::text).isEqualTo(CalConEvents.rpcPortText(NEW_PORT));
        assertThat(run.dominoCommands())
                .isEqualTo("Excalcon q / LOAD EXCALCON " + HOST + " ExchangeFreeBusy " + NEW_PORT + " " + NEW_PORT + " 1");
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(NEW_PORT));
        assertThat(samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE))
                .contains(ArrangedValue.dword(NEW_PORT));

        HostRunView confirmed = Users.as("oscar", Role.OPERATOR, () -> rollouts.confirmDomino(run.id(), "typed it"));
        assertThat(confirmed.state()).isEqualTo(HostRunState.DONE);
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        ExchangeServer server = server(id);
        assertThat(server.getObservedExchangePort()).isEqualTo(NEW_PORT);
        assertThat(server.getObservedNotesPort()).isEqualTo(NEW_PORT);
        assertThat(server.getLastEvidenceAt()).isAfterOrEqualTo(approvedAt.minusSeconds(1));
        awaitAuditDrained();
        assertThat(history(HOST)).extracting(AuditEntry::getAction).contains(AuditAction.DOMINO_CONFIRMED);
        assertThat(history(HOST)).extracting(AuditEntry::getAfter).noneMatch(
                value -> value != null && value.contains(SambaServer.ADMIN_PASSWORD));
    }

    /**
     * What the connector does at logging High: once its service has been restarted after the write, it logs 6001 with
     * the port in its registry. The host run's restart time says when that happened.
     */
    private void playTheConnector(long rolloutId, AtomicBoolean started) {
        await("the host run at VERIFY").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> run(rolloutId, HOST).step() == Step.VERIFY);
        int port = samba.value(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)
                .map(v -> Integer.parseInt(v.data())).orElseThrow();
        samba.writeEvents(List.of(SambaServer.EventRecord.information(CalConEvents.SOURCE_NOTES_CAL,
                CalConEvents.RPC_PORT_CONFIGURED, Instant.now(), CalConEvents.rpcPortText(port))));
        started.set(true);
    }
}
