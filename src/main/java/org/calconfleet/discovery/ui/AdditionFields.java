package org.calconfleet.discovery.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.calconfleet.discovery.Addition;
import org.calconfleet.discovery.FleetDiscovery;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ServerProblem;

/** One picked server's values before it is added, starting from what the console proposes. */
final class AdditionFields extends FormLayout {

    private final FleetDiscovery.Found found;
    private final ComboBox<String> site = new ComboBox<>();
    private final Select<BackendKind> backend = new Select<>();
    private final TextField address = new TextField();
    private final Select<String> credential = new Select<>();
    private final TextField dominoServer = new TextField();
    private final TextField calendarSystem = new TextField();

    AdditionFields(FleetDiscovery.Found found, List<String> sites, List<String> credentials) {
        this.found = found;
        Addition proposal = found.proposal();
        String id = found.server().hostName();
        TextField host = new TextField(getTranslation("fleet.field.hostName"));
        host.setValue(proposal.hostName() + " · " + proposal.exchangeVersion());
        host.setReadOnly(true);

        TreeSet<String> siteNames = new TreeSet<>(sites);
        siteNames.add(proposal.site());
        site.setLabel(getTranslation("fleet.field.site"));
        site.setItems(siteNames);
        site.setAllowCustomValue(true);
        site.addCustomValueSetListener(typed -> site.setValue(typed.getDetail()));
        site.setValue(proposal.site());
        site.setId("discovery-site-" + id);

        backend.setLabel(getTranslation("fleet.field.backendKind"));
        backend.setItems(BackendKind.values());
        backend.setItemLabelGenerator(kind -> getTranslation(kind.messageKey()));
        backend.setValue(proposal.backendKind());
        backend.setId("discovery-backend-" + id);

        address.setLabel(getTranslation("fleet.field.backendAddress"));
        address.setValue(proposal.backendAddress() == null ? "" : proposal.backendAddress());
        address.setId("discovery-address-" + id);

        credential.setLabel(getTranslation("fleet.field.credentialName"));
        credential.setItems(credentials);
        credential.setEmptySelectionAllowed(true);
        credential.setEmptySelectionCaption(getTranslation("fleet.field.credentialName.none"));
        credential.setValue(proposal.credentialName());
        credential.setId("discovery-credential-" + id);

        dominoServer.setLabel(getTranslation("fleet.field.dominoServer"));
        dominoServer.setValue(proposal.dominoServer());
        dominoServer.setId("discovery-domino-" + id);
        calendarSystem.setLabel(getTranslation("fleet.field.calendarSystem"));
        calendarSystem.setValue(proposal.calendarSystem());
        calendarSystem.setId("discovery-calendar-" + id);

        add(host, site, backend, address, credential, dominoServer, calendarSystem);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 4));
    }

    FleetDiscovery.Found found() {
        return found;
    }

    FleetDiscovery.Found edited() {
        String siteName = site.getValue() == null ? "" : site.getValue().strip();
        BackendKind kind = backend.getValue() == null ? found.proposal().backendKind() : backend.getValue();
        return new FleetDiscovery.Found(found.server(), found.connectorGuess(), found.proposal().with(siteName, kind,
                address.getValue(), credential.getValue(), dominoServer.getValue().strip(),
                calendarSystem.getValue().strip()));
    }

    /** The fleet's reasons beside the fields they concern. */
    void show(List<ServerProblem> problems) {
        Map<String, HasValidation> fields = Map.of("site", site, "backendKind", backend, "backendAddress", address,
                "credentialName", credential, "dominoServer", dominoServer, "calendarSystem", calendarSystem);
        for (ServerProblem problem : problems) {
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(getTranslation(problem.messageKey(), problem.arguments().toArray()));
                field.setInvalid(true);
            }
        }
    }
}
