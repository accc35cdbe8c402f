package org.calconfleet.security.ui;

import java.util.Set;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.security.ApiTokenCheck;
import org.calconfleet.security.ApiTokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApiTokensViewTest extends KaribuSpringTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noTokensYet() {
        jdbc.update("delete from api_token");
    }

    @Test
    void an_operator_makes_a_token_sees_it_once_and_revokes_it_after_confirming() {
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().navigate("api-tokens");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("API tokens");

        _get(TextField.class, spec -> spec.withId("token-name")).setValue("nightly export");
        _click(_get(Button.class, spec -> spec.withId("token-create")));

        String secret = _get(TextField.class, spec -> spec.withId("token-secret")).getValue();
        assertThat(secret).startsWith(ApiTokenService.PREFIX);
        assertThat(tokens.authenticate(secret, "test")).isEqualTo(new ApiTokenCheck.Accepted("operator", Role.OPERATOR, Set.of()));
        _click(_get(Button.class, spec -> spec.withId("token-secret-close")));
        assertThat(_find(TextField.class, spec -> spec.withId("token-secret"))).isEmpty();
        Grid<?> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("nightly export", "not yet", "never");

        _click((Button) GridKt._getCellComponent(grid, 0, "revoke"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Revoke token 'nightly export'?");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(GridKt._size(grid)).isZero();
        assertThat(tokens.authenticate(secret, "test")).isEqualTo(new ApiTokenCheck.Refused(ApiTokenCheck.Reason.REVOKED));
    }

    @Test
    void a_token_without_a_name_is_refused_on_the_field() {
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate("api-tokens");

        _click(_get(Button.class, spec -> spec.withId("token-create")));

        TextField name = _get(TextField.class, spec -> spec.withId("token-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the token a name of 1 to 64 characters.");
        assertThat(_find(TextField.class, spec -> spec.withId("token-secret"))).isEmpty();
    }

    @Test
    void the_administrator_sees_everyones_tokens_with_their_owners_and_the_link_to_swagger_ui() {
        signIn("auditor", Role.AUDITOR);
        tokens.create("auditor's script", null);
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("api-tokens");

        Grid<?> grid = _get(Grid.class);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("auditor", "auditor's script");
        assertThat(_get(Anchor.class, spec -> spec.withId("swagger-link")).getHref()).isEqualTo("swagger-ui.html");
    }

    @Test
    void only_the_administrator_gets_the_swagger_ui_link() {
        signIn("operator", Role.OPERATOR);
        UI.getCurrent().navigate("api-tokens");

        assertThat(_find(Anchor.class, spec -> spec.withId("swagger-link"))).isEmpty();
    }
}
