package org.calconfleet.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.List;
import java.util.Set;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.rollout.Users;
import org.calconfleet.security.AppUser;
import org.calconfleet.security.UserService;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsersViewTest extends KaribuSpringTest {

    @Autowired
    UserService users;
    @Autowired
    AuditTrail audit;

    @AfterEach
    void unlimitedAgain() {
        Users.as("admin", Role.ADMIN, () -> users.limitToSites("helpdesk", Set.of()));
    }

    @Test
    void an_administrator_limits_the_helpdesk_to_osaka_among_the_inventorys_sites_but_not_an_auditor() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("users");

        MultiSelectComboBox<String> helpdesk = sites("helpdesk");
        assertThat(helpdesk.getListDataView().getItems()).contains("Tokyo", "Osaka", "Singapore");
        assertThat(helpdesk.getPlaceholder()).isEqualTo("All sites");
        helpdesk.setValue(Set.of("Osaka"));

        assertThat(sites("helpdesk").getValue()).containsExactly("Osaka");
        assertThat(users.listUsers()).filteredOn(u -> u.getUsername().equals("helpdesk")).singleElement()
                .satisfies(u -> assertThat(u.getSites()).containsExactly("Osaka"));
        AuditEntry entry = audit.historyOf("user:helpdesk", 1).getFirst();
        assertThat(entry.getActor()).isEqualTo("admin");
        assertThat(entry.getAfter()).isEqualTo(StoredMessage.of("users.value.sites",
                StoredMessage.listed(List.of(StoredMessage.verbatim("Osaka")))).toJson());
        assertThat(sites("auditor").isEnabled()).isFalse();
        assertThat(sites("admin").isEnabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<String> sites(String username) {
        Grid<AppUser> grid = _get(Grid.class);
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).getUsername().equals(username)) {
                return (MultiSelectComboBox<String>) GridKt._getCellComponent(grid, row, "sites");
            }
        }
        throw new AssertionError("no row for " + username);
    }
}
