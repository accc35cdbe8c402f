package org.calconfleet.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.calconfleet.credential.WindowsAccount;
import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.domino.RunbookDominoConsole;
import org.calconfleet.domino.agent.AgentDominoConsole;
import org.calconfleet.port.RefusedException;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.simulated.SimulatedHostFiles;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.host.rpc.RpcHostBackends;
import org.calconfleet.host.windows.WindowsHostBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostBackendsTest {

    private final SimulatedFleet fleet = new SimulatedFleet(
            new SimulatedFleet.Settings(Duration.ofMillis(5), Duration.ofMillis(5), Duration.ZERO),
            HostTime.system(), List.of(new DemoHostQuirks()),
            org.calconfleet.host.simulated.SimulatedHostStore.NONE);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private static final String TOKEN = "t".repeat(40);
    private final FakeCredentialSecrets secrets = new FakeCredentialSecrets().withAgentToken("agent-tky-exc03", TOKEN)
            .withWindowsAccount("exchange-admins", new WindowsAccount("CORP", "calcon-svc", "a secret"));
    private final RpcHostBackends rpc = new RpcHostBackends();
    private final HostBackends backends = new HostBackends(fleet, secrets, rpc,
            new ConsolePlatform("Windows Server 2022"), meters);
    private final HostBackends onLinux = new HostBackends(fleet, secrets, rpc, new ConsolePlatform("Linux"), meters);

    @AfterEach
    void closeSessions() {
        rpc.close();
    }

    private static ExchangeServer server(String name, BackendKind kind) {
        ExchangeServer server = new ExchangeServer(name, "Tokyo");
        server.setBackendKind(kind);
        server.setDominoServer(name.substring(0, 3) + "-DOM01");
        server.setCalendarSystem("ExchangeFreeBusy");
        return server;
    }

    @Test
    void a_simulated_host_starts_in_the_state_the_inventory_last_observed() {
        ExchangeServer server = server("TKY-EXC06", BackendKind.SIMULATED);
        server.observePorts(45001, 45002);
        server.setServiceState(ConnectorServiceState.STOPPED);
        server.setDiagnosticsHigh(false);

        HostBackend backend = backends.backend(server);
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(45001, 45002));
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(backend.readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.LOW);
        assertThat(backends.backend(server).readCalConPorts().orElseThrow())
                .as("the same host on the next call").isEqualTo(CalConPorts.of(45001, 45002));
    }

    @Test
    void a_simulated_host_kept_in_a_store_comes_back_in_the_next_console_as_it_was_left_not_as_the_inventory_says(
            @TempDir Path directory) {
        ExchangeServer server = server("TKY-EXC08", BackendKind.SIMULATED);
        server.observePorts(45001, 45001);
        SimulatedFleet.Settings settings = new SimulatedFleet.Settings(Duration.ZERO, Duration.ZERO, Duration.ZERO);
        SimulatedFleet first = new SimulatedFleet(settings, HostTime.system(), List.of(new DemoHostQuirks()),
                SimulatedHostFiles.in(directory));
        HostBackend before = first.backend(server);
        assertThat(before.writeCalConPorts(45002, 45002)).isInstanceOf(HostResult.Ok.class);
        assertThat(before.restartService(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .as("the demo's EXC08 fails its next start").isInstanceOf(HostResult.Failure.class);

        SimulatedFleet next = new SimulatedFleet(settings, HostTime.system(), List.of(new DemoHostQuirks()),
                SimulatedHostFiles.in(directory));
        HostBackend after = next.backend(server);

        assertThat(after.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.of(45002, 45002));
        assertThat(after.queryServiceState().orElseThrow()).isEqualTo(ServiceState.STOPPED);
        assertThat(after.startService(Duration.ofSeconds(5)).orElseThrow())
                .as("the failure was used up before the restart; the quirks do not shape a kept host again")
                .isEqualTo(ServiceState.RUNNING);
        SimulatedWindowsHost host = next.existingHost("tky-exc08").orElseThrow();
        assertThat(host.calConWrites()).isEqualTo(1);
        assertThat(host.stopRequests()).isEqualTo(1);
        assertThat(host.startAttempts()).isEqualTo(2);
    }

    @Test
    void an_unobserved_host_has_no_port_values_a_running_connector_and_logging_high() {
        HostBackend backend = backends.backend(server("KYO-EXC01", BackendKind.SIMULATED));
        assertThat(backend.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
        assertThat(backend.queryServiceState().orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(backend.readDiagnosticLevel().orElseThrow()).isEqualTo(DiagnosticLevel.HIGH);
    }

    @Test
    void an_agent_server_without_a_valid_agent_address_gets_a_backend_that_says_why_and_is_not_retried() {
        ExchangeServer server = server("TKY-EXC02", BackendKind.AGENT);
        assertThat(backends.adapter(server)).isInstanceOf(UnavailableHostBackend.class);
        HostBackend backend = backends.backend(server);
        List<HostResult<?>> results = List.of(backend.readCalConPorts(), backend.writeCalConPorts(45001, 45001),
                backend.restoreCalConPorts(CalConPorts.absent()), backend.queryServiceState(),
                backend.stopService(Duration.ofSeconds(1)), backend.startService(Duration.ofSeconds(1)),
                backend.readCalConEvents(java.time.Instant.EPOCH), backend.readDiagnosticLevel(),
                backend.listTcpListeners(), backend.probeTcpPort(45001, Duration.ofSeconds(1)),
                backend.findServiceName("x"));
        assertThat(results).allSatisfy(r -> {
            HostResult.Failure<?> f = r.failure().orElseThrow();
            assertThat(f.kind()).isEqualTo(HostFailure.UNSUPPORTED);
            assertThat(f.retryable()).isFalse();
            assertThat(f.detail()).contains("agent address");
        });
    }

    @Test
    void an_agent_server_with_an_agent_address_talks_to_its_agent_and_its_domino_partner_through_the_runbook() {
        ExchangeServer server = agentServer("TKY-EXC03", "agent-tky-exc03");

        assertThat(backends.adapter(server)).isInstanceOf(org.calconfleet.host.agent.AgentHostBackend.class);
        assertThat(backends.domino(server)).isInstanceOf(org.calconfleet.domino.RunbookDominoConsole.class);
    }

    @Test
    void an_agent_server_without_its_token_credential_gets_a_backend_that_says_which_is_missing() {
        assertThat(unsupportedDetail(agentServer("TKY-EXC03", null))).contains("names no credential");
        assertThat(unsupportedDetail(agentServer("TKY-EXC03", "agent-gone"))).contains("no credential named 'agent-gone'");
    }

    @Test
    void an_address_that_still_carries_a_token_is_not_used() {
        ExchangeServer server = agentServer("TKY-EXC03", "agent-tky-exc03");
        server.setBackendAddress(server.getBackendAddress() + " token=" + TOKEN);

        assertThat(unsupportedDetail(server)).contains("agent.address.token").doesNotContain(TOKEN);
    }

    @Test
    void a_partner_with_a_domino_agent_and_its_token_is_reloaded_by_that_agent() {
        for (BackendKind kind : List.of(BackendKind.WINDOWS, BackendKind.AGENT, BackendKind.RPC)) {
            ExchangeServer server = server("TKY-EXC04", kind);
            server.setDominoAgentAddress("https://tky-dom01.corp.example:8443 sha256=" + "cd".repeat(32));
            server.setDominoCredentialName("agent-tky-exc03");

            assertThat(backends.domino(server)).as(kind.name()).isInstanceOf(AgentDominoConsole.class);
            assertThat(backends.dominoReload(server))
                    .isEqualTo(DominoReload.agent("https://tky-dom01.corp.example:8443"));
            assertThat(backends.dominoPathProblem(server)).isEmpty();
        }
    }

    @Test
    void a_partner_without_a_domino_agent_keeps_the_runbook() {
        ExchangeServer server = server("TKY-EXC04", BackendKind.RPC);

        assertThat(backends.domino(server)).isInstanceOf(RunbookDominoConsole.class);
        assertThat(backends.dominoReload(server)).isEqualTo(DominoReload.RUNBOOK);
    }

    @Test
    void a_domino_agent_without_a_usable_address_or_token_fails_its_sends_saying_why_and_is_not_retried() {
        ExchangeServer noCredential = server("TKY-EXC04", BackendKind.RPC);
        noCredential.setDominoAgentAddress("https://tky-dom01.corp.example:8443 sha256=" + "cd".repeat(32));
        ExchangeServer badAddress = server("TKY-EXC05", BackendKind.RPC);
        badAddress.setDominoAgentAddress("http://tky-dom01");
        badAddress.setDominoCredentialName("agent-tky-exc03");
        ExchangeServer unknownCredential = server("TKY-EXC06", BackendKind.RPC);
        unknownCredential.setDominoAgentAddress("https://tky-dom01.corp.example:8443 sha256=" + "cd".repeat(32));
        unknownCredential.setDominoCredentialName("nobody");

        assertThat(backends.dominoPathProblem(noCredential).orElseThrow().detail()).contains("names no credential");
        assertThat(backends.dominoPathProblem(badAddress)).isPresent();
        for (ExchangeServer server : List.of(noCredential, badAddress, unknownCredential)) {
            DominoResult result = backends.domino(server).send("TKY-DOM01", List.of(DominoCommand.quit()));
            assertThat(result).isInstanceOfSatisfying(DominoResult.Failed.class, failed -> {
                assertThat(failed.retryable()).isFalse();
                assertThat(failed.detail()).contains("Domino agent");
            });
        }
    }

    @Test
    void the_load_excalcon_debug_flag_of_a_server_is_1_unless_set_and_only_0_or_1() {
        ExchangeServer server = server("TKY-EXC07", BackendKind.RPC);

        assertThat(server.getDominoDebugFlag()).isEqualTo(1);
        server.setDominoDebugFlag(0);
        assertThat(server.getDominoDebugFlag()).isZero();
        assertThatThrownBy(() -> server.setDominoDebugFlag(2)).isInstanceOf(RefusedException.class);
        assertThat(server.getDominoDebugFlag()).isZero();
    }

    private static ExchangeServer agentServer(String name, @Nullable String credential) {
        ExchangeServer server = server(name, BackendKind.AGENT);
        server.setBackendAddress("https://" + name.toLowerCase() + ".corp.example:8443 sha256=" + "ab".repeat(32));
        server.setCredentialName(credential);
        return server;
    }

    private String unsupportedDetail(ExchangeServer server) {
        HostResult.Failure<?> failure = backends.backend(server).readCalConPorts().failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(HostFailure.UNSUPPORTED);
        return failure.detail();
    }

    @Test
    void a_windows_server_is_reached_by_its_backend_address_or_host_name() {
        ExchangeServer server = server("TKY-EXC03", BackendKind.WINDOWS);
        server.setBackendAddress("tky-exc03.corp.example");
        assertThat(backends.adapter(server)).isInstanceOf(WindowsHostBackend.class);
        HostBackend backend = backends.backend(server);
        assertThat(backend.hostName()).isEqualTo("tky-exc03.corp.example");
        assertThat(backends.domino(server).send("TKY-DOM01", List.of(DominoCommand.quit())))
                .isInstanceOf(DominoResult.AwaitingConfirmation.class);
    }

    @Test
    void a_windows_server_on_a_console_that_is_not_on_windows_gets_a_backend_that_suggests_the_rpc_path() {
        ExchangeServer server = server("TKY-EXC07", BackendKind.WINDOWS);
        server.setBackendAddress("tky-exc07.corp.example");

        assertThat(onLinux.adapter(server)).isInstanceOf(UnavailableHostBackend.class);
        HostResult.Failure<?> failure = onLinux.backend(server).readCalConPorts().failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(HostFailure.UNSUPPORTED);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.detail()).contains("needs a console running on Windows", "Linux", "RPC backend");
        assertThat(onLinux.pathProblem(server)).hasValueSatisfying(problem -> {
            assertThat(problem.messageKey()).isEqualTo("backend.path.needsWindowsConsole");
            assertThat(problem.arguments()).containsExactly("Linux");
        });
        assertThat(backends.pathProblem(server)).isEmpty();
    }

    @Test
    void an_rpc_server_is_reached_at_its_address_or_host_name_with_its_windows_account_and_its_partner_by_runbook() {
        ExchangeServer byName = rpcServer("TKY-EXC08", null, "exchange-admins");
        ExchangeServer byAddress = rpcServer("TKY-EXC09", "10.0.0.9:1445", "exchange-admins");

        assertThat(onLinux.adapter(byName)).isInstanceOf(WindowsHostBackend.class);
        assertThat(onLinux.backend(byName).hostName()).isEqualTo("TKY-EXC08");
        assertThat(onLinux.backend(byAddress).hostName()).isEqualTo("10.0.0.9");
        assertThat(onLinux.pathProblem(byAddress)).isEmpty();
        assertThat(rpc.openConnections()).as("nothing is connected before a call").isZero();
        assertThat(onLinux.domino(byName).send("TKY-DOM01", List.of(DominoCommand.quit())))
                .isInstanceOf(DominoResult.AwaitingConfirmation.class);
    }

    @Test
    void an_rpc_server_without_a_usable_account_or_address_gets_a_backend_that_says_which() {
        assertThat(rpcDetail(rpcServer("TKY-EXC08", null, null))).contains("Windows account", "names no credential");
        assertThat(rpcDetail(rpcServer("TKY-EXC08", null, "agent-tky-exc03"))).contains("no credential named");
        assertThat(rpcDetail(rpcServer("TKY-EXC08", "tky exc08", "exchange-admins"))).contains("SMB address");
        assertThat(onLinux.pathProblem(rpcServer("TKY-EXC08", "host:99999", "exchange-admins")))
                .map(PathProblem::messageKey).contains("rpc.address.invalid");
        assertThat(onLinux.pathProblem(rpcServer("TKY-EXC08", null, null)))
                .map(PathProblem::messageKey).contains("backend.path.noCredential");
    }

    private static ExchangeServer rpcServer(String name, @Nullable String address, @Nullable String credential) {
        ExchangeServer server = server(name, BackendKind.RPC);
        server.setBackendAddress(address);
        server.setCredentialName(credential);
        return server;
    }

    private String rpcDetail(ExchangeServer server) {
        HostResult.Failure<?> failure = onLinux.backend(server).queryServiceState().failure().orElseThrow();
        assertThat(failure.kind()).isEqualTo(HostFailure.UNSUPPORTED);
        assertThat(failure.detail()).doesNotContain("a secret");
        return failure.detail();
    }

    @Test
    void the_demo_quirks_fail_the_next_start_of_exc08_and_hold_sin_exc05s_port() {
        ExchangeServer exc08 = server("OSA-EXC08", BackendKind.SIMULATED);
        SimulatedWindowsHost host = fleet.host(exc08);
        HostBackend backend = backends.backend(exc08);
        assertThat(backend.stopService(Duration.ofSeconds(5)).isOk()).isTrue();
        HostResult<ServiceState> start = backend.startService(Duration.ofSeconds(5));
        assertThat(start.failure().orElseThrow().kind()).isEqualTo(HostFailure.FAILED);
        assertThat(backend.startService(Duration.ofSeconds(5)).orElseThrow()).isEqualTo(ServiceState.RUNNING);
        assertThat(host.startAttempts()).isEqualTo(2);

        ExchangeServer sin05 = server("SIN-EXC05", BackendKind.SIMULATED);
        assertThat(backends.backend(sin05).listTcpListeners().orElseThrow()).extracting(TcpListener::port)
                .contains(DemoHostQuirks.PORT_TAKEN);

        assertThat(backends.domino(exc08).send("OSA-DOM04", List.of(DominoCommand.quit())))
                .as("Osaka's Domino servers go through the runbook").isInstanceOf(DominoResult.AwaitingConfirmation.class);
        assertThat(backends.domino(sin05).send("SIN-DOM03", List.of(DominoCommand.quit())))
                .isInstanceOf(DominoResult.Failed.class);
    }

    @Test
    void every_backend_call_is_timed_by_backend_kind_operation_and_outcome_and_answered_unchanged() {
        HostBackend simulated = backends.backend(server("TKY-EXC04", BackendKind.SIMULATED));
        assertThat(simulated.readCalConPorts().orElseThrow()).isEqualTo(CalConPorts.absent());
        simulated.readCalConPorts();
        simulated.restartService(Duration.ofSeconds(5), Duration.ofSeconds(5));
        HostResult<ServiceState> refused = backends.backend(server("TKY-EXC05", BackendKind.AGENT)).queryServiceState();
        assertThat(refused.failure().orElseThrow().kind()).isEqualTo(HostFailure.UNSUPPORTED);

        assertThat(calls("simulated", "read_calcon_ports", "ok")).isEqualTo(2);
        assertThat(calls("simulated", "stop_service", "ok")).as("a restart is a stop and a start").isEqualTo(1);
        assertThat(calls("simulated", "start_service", "ok")).isEqualTo(1);
        assertThat(calls("agent", "query_service", "unsupported")).isEqualTo(1);
        assertThat(meters.get(BackendCallTimers.NAME).tags("kind", "simulated", "operation", "stop_service").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).as("the simulated stop takes 5 ms")
                .isGreaterThanOrEqualTo(4);
    }

    private long calls(String kind, String operation, String outcome) {
        return meters.get(BackendCallTimers.NAME).tags("kind", kind, "operation", operation, "outcome", outcome)
                .timer().count();
    }
}
