package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.rollout.Rendered.english;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.calconfleet.access.Role;
import org.calconfleet.agent.AgentProcess;
import org.calconfleet.agent.FakeDominoServer;
import org.calconfleet.agent.SharedAgent;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.backend.DominoReload;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostSetup;
import org.calconfleet.host.agent.AgentArrangement;
import org.calconfleet.host.agent.AgentConnection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole change of an agent server, through a real agent process: the Exchange side on its simulated host, and the
 * Domino side through the same agent's Domino console, whose server program is a script that records each call.
 * A partner with a Domino agent is reloaded by it (with the server's debug flag, once); one without waits for the
 * operator's confirmation of the runbook, and the Domino server program is never called.
 */
@DisabledOnOs(OS.WINDOWS)
@ExtendWith(SharedAgent.class)
@TestPropertySource(properties = {"calcon.rollout.verify-attempts=100", "calcon.rollout.verify-delay=100ms"})
class RolloutDominoAgentTest extends RolloutTestBase {

    private static final int OLD_PORT = 40000;

    private static AgentProcess agent;
    private static AgentConnection admin;
    private static AgentArrangement host;
    private static FakeDominoServer domino;

    @Autowired
    CredentialService credentials;

    @BeforeAll
    static void connect(AgentProcess shared) {
        agent = shared;
        admin = agent.connect(AgentProcess.quickSettings());
        host = new AgentArrangement(admin);
        domino = agent.domino();
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    @BeforeEach
    void freshHostAndQuietDominoServer() {
        host.reset(HostSetup.defaults().withPorts(OLD_PORT, OLD_PORT).withDiagnosticLevel(DiagnosticLevel.HIGH)
                .withServiceTimings(Duration.ofMillis(200), Duration.ofMillis(300)));
        domino.forget();
    }

    @Test
    void a_partner_with_a_domino_agent_is_reloaded_by_it_once_with_the_servers_debug_flag_and_the_rollout_is_done() {
        int port = 45061;
        long id = agentServer("DAG-EXC01", port, "dag-dom-agent", 0);

        HostPlan plan = plan(id, port);
        assertThat(plan.verdict()).as(english(plan.storedSummary(HostRun.PLAN_MAX_LENGTH))).isEqualTo(HostPlan.Verdict.CHANGE);
        assertThat(plan.dominoReload()).isEqualTo(DominoReload.agent(agent.baseUri().toString()));
        ChangeSummary submitted = submit(draft(id, port));
        approve(submitted.id());
        ChangeSummary finished = awaitFinished(submitted.id());

        HostRunView run = run(submitted.id(), "DAG-EXC01");
        assertThat(finished.state()).as(run.lastMessage()).isEqualTo(ChangeState.DONE);
        assertThat(run.state()).isEqualTo(HostRunState.DONE);
        assertThat(run.verification()).isEqualTo(Verification.VERIFIED);
        String load = "LOAD EXCALCON DAG-EXC01 ExchangeFreeBusy " + port + " " + port + " 0";
        assertThat(run.dominoCommands()).isEqualTo("Excalcon q / " + load);
        assertThat(domino.calls()).as("each line once, on the Domino host, as one argument")
                .containsExactly(List.of("-c", "Excalcon q"), List.of("-c", load));
        assertThat(domino.sawToken()).isFalse();
        assertThat(host.calConWrites()).isEqualTo(1);
        awaitAuditDrained();
        assertThat(history("DAG-EXC01")).extracting(AuditEntry::getAction)
                .doesNotContain(AuditAction.DOMINO_CONFIRMED);
    }

    @Test
    void a_partner_without_a_domino_agent_waits_for_the_operator_to_confirm_the_runbook() {
        int port = 45062;
        long id = agentServer("DAG-EXC02", port, null, 1);

        HostPlan plan = plan(id, port);
        assertThat(plan.dominoReload()).isEqualTo(DominoReload.RUNBOOK);
        ChangeSummary submitted = submit(draft(id, port));
        approve(submitted.id());
        ChangeSummary waiting = awaitFinished(submitted.id());

        HostRunView run = run(submitted.id(), "DAG-EXC02");
        assertThat(run.state()).as(run.lastMessage()).isEqualTo(HostRunState.AWAITING_CONFIRMATION);
        assertThat(waiting.state()).isEqualTo(ChangeState.RUNNING);
        assertThat(run.dominoCommands())
                .isEqualTo("Excalcon q / LOAD EXCALCON DAG-EXC02 ExchangeFreeBusy " + port + " " + port + " 1");
        assertThat(domino.calls()).as("nothing reaches the Domino server without an agent").isEmpty();

        HostRunView confirmed = Users.as("oscar", Role.OPERATOR, () -> rollouts.confirmDomino(run.id(), "typed it"));
        assertThat(confirmed.state()).isEqualTo(HostRunState.DONE);
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        assertThat(domino.calls()).isEmpty();
    }

    /**
     * A server on this agent, its Domino partner the agent's Domino server; with {@code dominoCredential} the partner
     * is reached through the same agent (its address, a credential of its token), without one it has no agent.
     */
    private long agentServer(String hostName, int port, @Nullable String dominoCredential, int debugFlag) {
        String address = agent.baseUri() + " sha256=" + agent.fingerprint();
        return Users.as("admin", Role.ADMIN, () -> {
            credentials.create(hostName.toLowerCase() + "-agent", CredentialKind.AGENT_TOKEN, null, agent.token());
            if (dominoCredential != null) {
                credentials.create(dominoCredential, CredentialKind.AGENT_TOKEN, null, agent.token());
            }
            ServerValues simulated = Fleets.values(hostName, 1, port);
            return Objects.requireNonNull(fleet.create(new ServerValues(hostName, simulated.ipAddress(),
                    simulated.site(), simulated.exchangeVersion(), simulated.connectorKind(), AgentProcess.DOMINO_SERVER,
                    simulated.dominoAddress(), simulated.calendarSystem(), simulated.serviceName(), BackendKind.AGENT,
                    address, hostName.toLowerCase() + "-agent", port, null, dominoCredential == null ? null : address,
                    dominoCredential, debugFlag)).getId());
        });
    }

    private static ChangeDraft draft(long id, int port) {
        return ChangeDraft.now(List.of(id), port, "pin through the agents", "CHG-DOM", new ChangeDraft.Waves(0, 1, 1, 0));
    }

    private HostPlan plan(long id, int port) {
        return Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(id, port))).hosts().getFirst();
    }
}
