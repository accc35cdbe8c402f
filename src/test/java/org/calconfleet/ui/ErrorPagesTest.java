package org.calconfleet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.junit.jupiter.api.Test;

class ErrorPagesTest extends KaribuSpringTest {

    private static String explanation() {
        return _get(Paragraph.class, spec -> spec.withId("error-explanation")).getText();
    }

    private static String title() {
        return _get(H2.class, spec -> spec.withClasses("view-title")).getText();
    }

    /**
     * Opens a path as the browser's address bar would: {@code UI.navigate} hands a path that no server route has to
     * the client-side router, which Karibu does not have.
     */
    private static void open(String path) {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location(path), NavigationTrigger.PAGE_LOAD);
    }

    @Test
    void a_route_the_role_may_not_open_says_so_inside_the_layout_with_the_way_back() {
        signIn("helpdesk", Role.HELPDESK);

        for (String route : new String[] {"changes/new", "audit", "users"}) {
            UI.getCurrent().navigate(route);

            assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                    .isInstanceOf(AccessDeniedPage.class);
            assertThat(explanation()).as(route).startsWith("As Helpdesk, you may not open the page /" + route + ".");
        }
        assertThat(title()).isEqualTo("Not open to your role");
        _get(SideNav.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("error-back")).getHref()).isEqualTo("dashboard");
        assertThat(_get(Anchor.class, spec -> spec.withId("error-back")).getText()).isEqualTo("Back to the dashboard");
    }

    @Test
    void the_refusal_speaks_the_readers_language() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().setLocale(Locale.JAPANESE);

        UI.getCurrent().navigate("audit");

        assertThat(explanation()).startsWith("ロール「ヘルプデスク」では、ページ /audit を開けません。");
        assertThat(title()).isEqualTo("このロールでは開けません");
        assertThat(_get(Anchor.class, spec -> spec.withId("error-back")).getText()).isEqualTo("ダッシュボードに戻る");
    }

    @Test
    void an_unknown_route_is_not_found_inside_the_layout() {
        signIn("auditor", Role.AUDITOR);

        open("no/such/page");

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(NotFoundPage.class);
        assertThat(title()).isEqualTo("Page not found");
        assertThat(explanation()).startsWith("This console has no page /no/such/page.");
        _get(SideNav.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("error-back")).getHref()).isEqualTo("dashboard");
    }

    @Test
    void an_unknown_route_sends_an_anonymous_visitor_to_sign_in() {
        openAnonymously();

        open("no/such/page");

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }
}
