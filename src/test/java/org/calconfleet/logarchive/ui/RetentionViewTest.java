package org.calconfleet.logarchive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.junit.jupiter.api.Test;

class RetentionViewTest extends KaribuSpringTest {

    @Test
    void an_admin_previews_what_an_archive_would_hold_and_cannot_archive_nothing() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("retention");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Log retention");
        assertThat(_get(IntegerField.class, spec -> spec.withId("retention-days")).getValue())
                .isEqualTo(RetentionView.DEFAULT_DAYS);
        assertThat(_get(Paragraph.class, spec -> spec.withId("retention-preview")).getText())
                .startsWith("No log lines of rollouts finished before");
        assertThat(_get(Button.class, spec -> spec.withId("retention-archive")).isEnabled()).isFalse();

        _get(IntegerField.class, spec -> spec.withId("retention-days")).setValue(0);
        assertThat(_get(Paragraph.class, spec -> spec.withId("retention-preview")).getText())
                .isEqualTo("Enter a number of days, at least 1.");
    }

    @Test
    void nobody_but_an_admin_reaches_the_retention_view() {
        for (Role role : new Role[] {Role.OPERATOR, Role.AUDITOR, Role.HELPDESK}) {
            signIn("someone", role);
            assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Log retention");
            assertThat(refusedAt("retention")).as(role.name()).isTrue();
        }
    }
}
