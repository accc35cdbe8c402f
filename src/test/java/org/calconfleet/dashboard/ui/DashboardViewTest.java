package org.calconfleet.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.ui.Chart;
import org.junit.jupiter.api.Test;

class DashboardViewTest extends KaribuSpringTest {

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
        assertThat(_get(Chart.class).getElement().getAttribute("config"))
                .contains("\"labels\":[\"0 (dynamic)\",\"45001\",\"45002\",\"45003\",\"GroupWise connectors\"]")
                .contains("\"values\":[6,11,11,11,3]");
    }
}
