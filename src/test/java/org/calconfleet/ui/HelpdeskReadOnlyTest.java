package org.calconfleet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

/** Walks every route as the helpdesk: each either refuses entry or shows no control that changes anything. */
class HelpdeskReadOnlyTest extends KaribuSpringTest {

    private static final Set<String> HARMLESS_BUTTONS = Set.of("", "Sign out", "Copy", "Log", "Close");
    /** Where every user keeps their own credentials (API tokens), which change nothing of the fleet. */
    private static final Set<String> OWN_SETTINGS = Set.of("api-tokens");

    @Autowired
    FleetService fleet;

    @Test
    void no_route_offers_the_helpdesk_a_control_that_changes_anything() {
        signIn("helpdesk", Role.HELPDESK);
        long anyServer = fleet.list(ServerFilter.NONE, Pageable.ofSize(1)).getFirst().getId();
        List<String> visited = new ArrayList<>();
        for (Class<? extends Component> view : routeClasses()) {
            String path = view.getAnnotation(Route.class).value();
            if (path.equals("login") || OWN_SETTINGS.contains(path)) {
                continue;
            }
            if (refusedAt(HasUrlParameter.class.isAssignableFrom(view) ? path + "/" + anyServer : path)) {
                continue;
            }
            visited.add(path);
            assertThat(_find(Button.class)).as("buttons on /%s", path).extracting(Button::getText)
                    .allMatch(HARMLESS_BUTTONS::contains);
            assertThat(_find(Upload.class)).as("uploads on /%s", path).isEmpty();
        }
        assertThat(visited).contains("", "servers");
    }
}
