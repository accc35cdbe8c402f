package org.calconfleet.fleet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.access.Role;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.api.Test;

class ServersViewTest extends KaribuSpringTest {

    @Test
    void helpdesk_sees_the_demo_fleet_and_no_edit_control() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(ServersView.class);

        @SuppressWarnings("unchecked")
        Grid<ExchangeServer> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(40);
        assertThat(_find(Button.class)).extracting(Button::getText)
                .allSatisfy(text -> assertThat(text).isIn("Sign out", ""));
        assertThat(_get(Anchor.class, spec -> spec.withId("servers-firewall-netsh")).getText())
                .isEqualTo("Firewall script (netsh advfirewall)");
        _get(Anchor.class, spec -> spec.withId("servers-firewall-csv"));
    }

    @Test
    void the_text_filter_narrows_the_grid_in_the_database() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(ServersView.class);
        @SuppressWarnings("unchecked")
        Grid<ExchangeServer> grid = _get(Grid.class);

        _get(TextField.class, spec -> spec.withId("server-search")).setValue("osa-exc0");

        assertThat(GridKt._size(grid)).isEqualTo(9);
        assertThat(GridKt._get(grid, 0).getHostName()).isEqualTo("OSA-EXC01");
    }

    @Test
    void a_click_on_a_row_opens_that_servers_page_by_its_address() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(ServersView.class);
        @SuppressWarnings("unchecked")
        Grid<ExchangeServer> grid = _get(Grid.class);
        ExchangeServer first = GridKt._get(grid, 0);

        GridKt._clickItem(grid, 0);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("servers/" + first.getId());
    }
}
