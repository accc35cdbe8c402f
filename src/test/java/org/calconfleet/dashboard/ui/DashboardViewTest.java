package org.calconfleet.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.Users;
import org.calconfleet.ui.Chart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

class DashboardViewTest extends KaribuSpringTest {

    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;

    private static List<String> awaiting() {
        return _find(_get(Div.class, spec -> spec.withId("awaiting-you")), RouterLink.class).stream()
                .map(RouterLink::getText).toList();
    }

    @Test
    void a_change_waiting_for_approval_is_shown_to_those_who_may_approve_it_and_not_to_its_requester() {
        // two servers of the demo fleet, so that the fleet the other tests count stays as it is
        List<Long> ids = Users.as("oscar", Role.OPERATOR, () -> fleet.list(new ServerFilter("TKY-EXC1", null),
                PageRequest.of(0, 2)).stream().map(ExchangeServer::getId).toList());
        ChangeSummary waiting = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45077,
                "pin the waiting pair", "CHG-77", new ChangeDraft.Waves(0, 5, 5, 0))));
        String item = "Change #" + waiting.id() + " by oscar: pin the waiting pair (port 45077, 2 hosts)";

        signIn("olivia", Role.OPERATOR);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(awaiting()).contains(item);

        signIn("oscar", Role.OPERATOR);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(awaiting()).doesNotContain(item);
        rollouts.cancel(waiting.id(), "only a test");

        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_find(Div.class, spec -> spec.withId("awaiting-you"))).as("helpdesk approves nothing").isEmpty();
    }

    private static String tile(String name) {
        return ((Span) _get(Div.class, spec -> spec.withId("tile-" + name)).getChildren().findFirst().orElseThrow())
                .getText();
    }

    @Test
    void the_dashboard_counts_the_demo_fleet_by_port_and_state() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(DashboardView.class);

        assertThat(tile("servers")).isEqualTo("42");
        assertThat(tile("pinned")).isEqualTo("33");
        assertThat(tile("dynamic")).isEqualTo("6");
        assertThat(tile("drifted")).isEqualTo("6");
        assertThat(tile("stopped")).isEqualTo("3");
        assertThat(tile("groupwise")).isEqualTo("3");
        assertThat(_get(Chart.class, spec -> spec.withId("ports-chart")).getElement().getAttribute("config"))
                .contains("\"labels\":[\"0 (dynamic)\",\"45001\",\"45002\",\"45003\",\"GroupWise connectors\"]")
                .contains("\"values\":[6,11,11,11,3]");
        assertThat(_get(Chart.class, spec -> spec.withId("ports-chart")).getElement().getChild(0).getOuterHTML())
                .as("the figures as a table, the chart's text alternative")
                .contains("<summary>The figures as a table</summary>")
                .contains("<th scope=\"row\">45001</th>").contains("<td>11</td>");
    }

    @Test
    void charts_and_their_tables_speak_japanese_with_japanese_numbers_and_dates() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate(DashboardView.class);

        Chart ports = _get(Chart.class, spec -> spec.withId("ports-chart"));
        assertThat(ports.getElement().getAttribute("config"))
                .contains("\"title\":\"フリート全体で設定する RPC ポート\"").contains("\"locale\":\"ja\"")
                .contains("0 (動的)");
        assertThat(ports.getElement().getChild(0).getOuterHTML()).contains("数値を表で見る");
        assertThat(_find(Component.class, spec -> spec.withId("drift-chart"))).hasSize(1);
        assertThat(_find(Component.class, spec -> spec.withId("changes-chart"))).hasSize(1);
    }
}
