package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.rollout.Rendered.english;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.change.RolloutCounts;
import org.calconfleet.change.ValueDiff;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.simulated.HostFault;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.junit.jupiter.api.Test;

/**
 * 200 simulated hosts, port 45001 → 45002, with faults: restarts that fail once (rolled back), one that never
 * starts again (needs attention), a Domino link failure (5010, rolled back), a port held by another process and an
 * unreachable host (both blocked at plan time), a host that becomes unreachable after approval (fails its
 * precheck), logging below High (done, unverifiable), and one already at 45002 (no change). Every host's outcome,
 * registry, counters, inventory and audit trail is checked.
 */
class RolloutEndToEndTest extends RolloutTestBase {

    static final String P = "E2E";
    static final int FROM = 45001;
    static final int TO = 45002;
    static final Set<Integer> FAIL_ONCE = Set.of(10, 50, 90);
    static final int NEVER_STARTS = 70;
    static final int LINK_FAILS = 80;
    static final int PORT_TAKEN = 20;
    static final int UNREACHABLE = 30;
    static final int UNREACHABLE_LATER = 60;
    static final int LOGGING_LOW = 40;
    static final int ALREADY_THERE = 100;

    @Test
    void a_rollout_to_200_hosts_with_faults_ends_each_host_as_expected_and_never_repeats_a_step() {
        List<Long> ids = servers(P, 200, FROM);
        Map<Integer, SimulatedWindowsHost> hosts = new HashMap<>();
        for (int n = 1; n <= 200; n++) {
            hosts.put(n, host(ids.get(n - 1)));
        }
        FAIL_ONCE.forEach(n -> hosts.get(n).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED));
        hosts.get(NEVER_STARTS).failStartsAlways(WindowsErrors.ERROR_PROCESS_ABORTED);
        hosts.get(LINK_FAILS).setDominoLinkFailing(true);
        hosts.get(PORT_TAKEN).addListener(new org.calconfleet.host.TcpListener(TO, 777, "squatter.exe"));
        hosts.get(UNREACHABLE).injectFault(HostFault.unreachable());
        hosts.get(LOGGING_LOW).setDiagnosticLevel(DiagnosticLevel.LOW);
        hosts.get(ALREADY_THERE).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.dword(TO));
        hosts.get(ALREADY_THERE).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE,
                RegistryValue.dword(TO));

        ChangeDraft draft = ChangeDraft.now(ids, TO, "pin to 45002 for the new firewall", "CHG-200",
                new ChangeDraft.Waves(5, 50, 20, 10));
        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));
        assertThat(plan.changes()).isEqualTo(197);
        assertThat(plan.noChange()).isEqualTo(1);
        assertThat(plan.blocked()).isEqualTo(2);
        assertThat(plan.unverifiable()).isEqualTo(1);
        assertThat(plan.hosts().get(PORT_TAKEN - 1).failures()).extracting(Precheck::check)
                .containsExactly(Precheck.Check.PORT_FREE);
        assertThat(english(plan.hosts().get(PORT_TAKEN - 1).failures().getFirst().detail())).contains("squatter.exe");
        assertThat(plan.hosts().get(UNREACHABLE - 1).failures()).extracting(Precheck::check)
                .containsExactly(Precheck.Check.REACHABLE);
        HostPlan first = plan.hosts().getFirst();
        assertThat(first.wave()).isZero();
        assertThat(first.diffs()).filteredOn(ValueDiff::changes).extracting(diff -> english(diff.line())).contains(
                "NotesCal.Exchange CalCon RPC Port: REG_DWORD 45001 → REG_DWORD 45002",
                "NotesCal.Notes ExCalCon RPC Port: REG_DWORD 45001 → REG_DWORD 45002");
        assertThat(first.dominoCommands()).containsExactly("Excalcon q",
                "LOAD EXCALCON E2E-0001 ExchangeFreeBusy 45002 45002 1");
        assertThat(first.firewall()).isNotNull();
        assertThat(hosts.values()).allSatisfy(h -> assertThat(h.calConWrites()).isZero());

        ChangeSummary submitted = submit(draft);
        assertThat(submitted.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        hosts.get(UNREACHABLE_LATER).injectFault(HostFault.unreachable());
        approve(submitted.id());
        ChangeSummary done = awaitFinished(submitted.id());

        assertThat(done.state()).isEqualTo(ChangeState.DONE);
        RolloutCounts counts = done.counts();
        assertThat(counts.total()).isEqualTo(200);
        assertThat(counts.done()).isEqualTo(200 - 9);
        assertThat(counts.unverifiable()).isEqualTo(1);
        assertThat(counts.noChange()).isEqualTo(1);
        assertThat(counts.skipped()).isEqualTo(2);
        assertThat(counts.failed()).isEqualTo(1);
        assertThat(counts.rolledBack()).isEqualTo(4);
        assertThat(counts.needsAttention()).isEqualTo(1);
        assertThat(counts.unfinished()).isZero();

        awaitAuditDrained();
        for (int n = 1; n <= 200; n++) {
            String hostName = name(P, n);
            SimulatedWindowsHost host = hosts.get(n);
            HostRunView run = run(submitted.id(), hostName);
            ExchangeServer server = server(ids.get(n - 1));
            List<AuditEntry> history = history(hostName);
            if (FAIL_ONCE.contains(n) || n == LINK_FAILS) {
                assertThat(run.state()).as(hostName).isEqualTo(HostRunState.ROLLED_BACK);
                assertThat(ports(host)).as(hostName).containsExactly(FROM, FROM);
                assertThat(host.serviceState()).isEqualTo(ServiceState.RUNNING);
                assertThat(host.calConWrites()).as(hostName + " write and restore").isEqualTo(2);
                assertThat(host.startAttempts()).as(hostName + " start and the rollback's start").isEqualTo(2);
                assertThat(server.getObservedExchangePort()).isEqualTo(FROM);
                assertThat(server.getDesiredPort()).isEqualTo(45001);
                assertThat(code(run.failureReason())).isEqualTo("rollout.run.step-failed");
                assertThat(english(run.failureReason())).contains(n == LINK_FAILS ? "event 5010 after the restart"
                        : "the service did not come back");
                assertThat(history).extracting(AuditEntry::getAction).endsWith(AuditAction.HOST_STEP,
                        AuditAction.HOST_STEP, AuditAction.HOST_RUN_FINISHED);
                assertThat(english(history.getLast().getAfter())).isEqualTo("Rolled back");
            } else if (n == NEVER_STARTS) {
                assertThat(run.state()).isEqualTo(HostRunState.NEEDS_ATTENTION);
                assertThat(code(run.lastMessage())).isEqualTo("rollout.run.needs-attention");
                assertThat(english(run.lastMessage())).startsWith("the rollback failed: ");
                assertThat(host.calConWrites()).isEqualTo(2);
                assertThat(host.startAttempts()).isEqualTo(2);
            } else if (n == PORT_TAKEN || n == UNREACHABLE) {
                assertThat(run.state()).isEqualTo(HostRunState.SKIPPED);
                assertThat(Rendered.stored(run.lastMessage()).code()).isEqualTo("rollout.run.blocked-at-plan");
                assertThat(english(run.lastMessage())).startsWith("blocked at plan time");
                assertThat(host.calConWrites()).isZero();
                assertThat(host.startAttempts()).isZero();
                assertThat(ports(host)).containsExactly(FROM, FROM);
            } else if (n == UNREACHABLE_LATER) {
                assertThat(run.state()).isEqualTo(HostRunState.FAILED);
                assertThat(code(run.lastMessage())).isEqualTo("rollout.run.precheck-failed");
                assertThat(english(run.lastMessage())).startsWith("precheck failed, nothing was changed");
                assertThat(run.attempt()).isEqualTo(2);
                assertThat(host.calConWrites()).isZero();
                assertThat(history).extracting(AuditEntry::getAction).endsWith(AuditAction.HOST_STEP,
                        AuditAction.HOST_RUN_FINISHED);
            } else if (n == ALREADY_THERE) {
                assertThat(run.state()).isEqualTo(HostRunState.NO_CHANGE);
                assertThat(host.calConWrites()).isZero();
                assertThat(host.stopRequests()).isZero();
            } else {
                assertThat(run.state()).as(hostName).isEqualTo(HostRunState.DONE);
                assertThat(run.verification()).as(hostName)
                        .isEqualTo(n == LOGGING_LOW ? Verification.UNVERIFIABLE : Verification.VERIFIED);
                assertThat(ports(host)).as(hostName).containsExactly(TO, TO);
                assertThat(host.serviceState()).isEqualTo(ServiceState.RUNNING);
                assertThat(host.calConWrites()).as(hostName + " writes").isEqualTo(1);
                assertThat(host.stopRequests()).as(hostName + " stops").isEqualTo(1);
                assertThat(host.startAttempts()).as(hostName + " starts").isEqualTo(1);
                assertThat(server.getDesiredPort()).isEqualTo(TO);
                assertThat(server.getObservedExchangePort()).isEqualTo(TO);
                assertThat(server.getObservedNotesPort()).isEqualTo(TO);
                assertThat(simulated.dominoServer("DOM-" + hostName).orElseThrow().excalcon().orElseThrow()
                        .exchangeSidePort()).isEqualTo(TO);
                assertThat(history).extracting(AuditEntry::getAction).endsWith(AuditAction.HOST_STEP,
                        AuditAction.HOST_STEP, AuditAction.HOST_STEP, AuditAction.HOST_STEP, AuditAction.HOST_STEP,
                        AuditAction.HOST_RUN_FINISHED);
                AuditEntry verify = history.get(history.size() - 3);
                assertThat(english(verify.getReason())).contains("Verify (event 6001)");
                if (n == LOGGING_LOW) {
                    assertThat(english(verify.getReason())).contains("unverifiable");
                } else {
                    assertThat(english(verify.getAfter()))
                            .isEqualTo("evidence: CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45002");
                    assertThat(server.getLastEvidenceText()).isEqualTo("CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45002");
                }
                assertThat(history).allSatisfy(e -> assertThat(e.getSubject()).isEqualTo("server:" + hostName));
            }
        }
        assertThat(Users.as("auditor", Role.AUDITOR, () -> audit.verify()).isIntact()).isTrue();
    }

    static List<Integer> ports(SimulatedWindowsHost host) {
        return List.of(
                host.registryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE)
                        .orElseThrow().asDword().orElseThrow(),
                host.registryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE)
                        .orElseThrow().asDword().orElseThrow());
    }
}
