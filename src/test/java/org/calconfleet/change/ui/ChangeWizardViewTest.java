package org.calconfleet.change.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.change.RolloutCounts;
import org.calconfleet.credential.CredentialKind;
import org.calconfleet.credential.CredentialService;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostOperation;
import org.calconfleet.host.simulated.RegistryValue;
import org.calconfleet.host.simulated.SimulatedWindowsHost;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.rollout.Rendered;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.Users;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ChangeWizardViewTest extends KaribuSpringTest {

    private static final String DOMINO_AGENT = "https://127.0.0.1:1 sha256=" + "ab".repeat(32);

    @Autowired
    FleetService fleet;
    @Autowired
    CredentialService credentials;
    @Autowired
    SimulatedFleet simulated;
    @Autowired
    RolloutService rollouts;

    @Test
    void the_plan_says_per_host_who_reloads_excalcon_the_simulated_server_the_domino_agent_or_the_runbook() {
        Users.as("admin", Role.ADMIN, () -> {
            credentials.create("wzd-admins", CredentialKind.WINDOWS_ACCOUNT, "CORP\\svc", "wizard-test-password");
            return credentials.create("wzd-dom-agent", CredentialKind.AGENT_TOKEN, null,
                    "wizard-domino-token-0123456789abcdefghijk");
        });
        String ids = Users.as("admin", Role.ADMIN, () -> List.of(
                        server("WZD-EXC01", BackendKind.SIMULATED, null, null),
                        server("WZD-EXC02", BackendKind.RPC, "wzd-admins", null),
                        server("WZD-EXC03", BackendKind.RPC, "wzd-admins", "wzd-dom-agent"))
                .stream().map(String::valueOf).collect(Collectors.joining(",")));
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().navigate("changes/new", QueryParameters.simple(Map.of("servers", ids, "port", "45071")));
        _get(TextField.class, spec -> spec.withId("wizard-reason")).setValue("who reloads EXCALCON");

        _click(_get(Button.class, spec -> spec.withId("wizard-plan")));

        @SuppressWarnings("unchecked")
        Grid<Object> hosts = _get(Grid.class, spec -> spec.withId("wizard-plan-hosts"));
        Map<String, String> reloadByHost = IntStream.range(0, GridKt._size(hosts))
                .mapToObj(row -> GridKt._getFormattedRow(hosts, row))
                .collect(Collectors.toMap(List::getFirst, List::getLast));
        assertThat(reloadByHost).containsExactlyInAnyOrderEntriesOf(Map.of(
                "WZD-EXC01", "reloaded by the simulated Domino server (demo)",
                "WZD-EXC02", "manual runbook: the operator confirms",
                "WZD-EXC03", "reloaded by the Domino agent at https://127.0.0.1:1"));
    }

    @Test
    void a_plan_read_in_japanese_says_its_values_and_findings_in_japanese_host_names_and_commands_aside() {
        long id = Users.as("admin", Role.ADMIN, () -> server("WZD-JA01", BackendKind.SIMULATED, null, null));
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate("changes/new", QueryParameters.simple(Map.of("servers", String.valueOf(id),
                "port", "45072")));
        _get(TextField.class, spec -> spec.withId("wizard-reason")).setValue("日本語の計画");

        _click(_get(Button.class, spec -> spec.withId("wizard-plan")));

        @SuppressWarnings("unchecked")
        Grid<Object> hosts = _get(Grid.class, spec -> spec.withId("wizard-plan-hosts"));
        String row = String.join(" | ", GridKt._getFormattedRow(hosts, 0));
        assertThat(row).contains("なし → REG_DWORD 45072", "実行中 → 再起動して実行中", "WZD-DOM01 の EXCALCON");
        Rendered.assertNoEnglishSentence(row, "WZD-JA01", "WZD-DOM01", "MSExchangeCalCon",
                CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, CalConRegistry.NOTES_SIDE_PORT_VALUE);
    }

    @Test
    void the_submit_keeps_the_plan_on_screen_and_does_not_read_the_hosts_again() {
        long id = Users.as("admin", Role.ADMIN, () -> server("WZD-SEEN01", BackendKind.SIMULATED, null, null));
        SimulatedWindowsHost host = simulated.host(
                Users.as("admin", Role.ADMIN, () -> fleet.find(id).orElseThrow()));
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().navigate("changes/new", QueryParameters.simple(Map.of("servers", String.valueOf(id),
                "port", "45073")));
        _get(TextField.class, spec -> spec.withId("wizard-reason")).setValue("the plan I saw");
        _click(_get(Button.class, spec -> spec.withId("wizard-plan")));
        int readsOfThePlan = host.calls(HostOperation.READ_CALCON_PORTS);
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.dword(45073));
        host.putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE,
                RegistryValue.dword(45073));

        _click(_get(Button.class, spec -> spec.withId("wizard-submit")));

        assertThat(host.calls(HostOperation.READ_CALCON_PORTS)).isEqualTo(readsOfThePlan);
        long submitted = Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .replaceAll("\\D+", ""));
        RolloutCounts counts = Users.as("operator", Role.OPERATOR,
                () -> rollouts.rollout(submitted).orElseThrow()).counts();
        assertThat(counts.pending()).isEqualTo(1);
        assertThat(counts.noChange()).isZero();
    }

    private long server(String host, BackendKind kind, @Nullable String credential, @Nullable String dominoAgent) {
        return Objects.requireNonNull(fleet.create(new ServerValues(host, null, "Nara", "2007 SP3",
                ConnectorKind.LOTUS_DOMINO, "WZD-DOM01", null, "ExchangeFreeBusy", "MSExchangeCalCon", kind,
                kind == BackendKind.RPC ? "127.0.0.1:1" : null, credential, 45071, null,
                dominoAgent == null ? null : DOMINO_AGENT, dominoAgent, 1)).getId());
    }
}
