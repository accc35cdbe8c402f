package org.calconfleet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.junit.jupiter.api.Test;

class MainLayoutTest extends KaribuSpringTest {

    @Test
    void admin_sees_the_admin_only_navigation_entries() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Servers", "Users");
    }

    @Test
    void helpdesk_sees_no_admin_navigation_entry() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate("");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel)
                .contains("Servers").doesNotContain("Users");
    }

    @Test
    void helpdesk_is_refused_the_users_view() {
        signIn("helpdesk", Role.HELPDESK);

        assertThat(refusedAt("users")).isTrue();
    }

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_view() {
        openAnonymously();
        UI.getCurrent().navigate("");

        _get(LoginForm.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
    }
}
