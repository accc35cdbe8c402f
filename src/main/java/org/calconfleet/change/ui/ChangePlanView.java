package org.calconfleet.change.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.VaadinService;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.change.ValueDiff;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.NetshCommand;
import org.calconfleet.port.NetshCommands;
import org.calconfleet.ui.UserTime;

/**
 * A change's plan as it is read before anything runs: the totals, then host by host the verdict, the wave, the values
 * that change and the prechecks not passed; a row opens the host's whole plan (every value, every check, the firewall
 * openings and the Domino commands). The wizard shows it before a change is submitted, the jobs view before the failed
 * hosts of a rollout are retried. Its parts' ids start with the given prefix: {@code -summary}, {@code -plan-hosts}.
 */
public class ChangePlanView extends VerticalLayout {

    static final int ALL_ROWS_VISIBLE_UP_TO = 25;

    // its callers make it with the plan alone, so it takes the bundles from the running service, not a constructor
    private final Messages messages = VaadinService.getCurrent().getInstantiator().getOrCreate(Messages.class);

    public ChangePlanView(ChangePlan plan, String idPrefix) {
        setPadding(false);
        Paragraph summary = new Paragraph(getTranslation("wizard.summary", plan.changes(), plan.noChange(),
                plan.blocked(), plan.unverifiable(), plan.waveCount()));
        summary.setId(idPrefix + "-summary");
        Grid<HostPlan> hosts = new Grid<>();
        hosts.addColumn(HostPlan::hostName).setHeader(getTranslation("servers.column.host")).setAutoWidth(true);
        hosts.addColumn(h -> getTranslation(h.verdict().messageKey()))
                .setHeader(getTranslation("wizard.verdict")).setAutoWidth(true);
        hosts.addColumn(h -> h.wave() < 0 ? "—" : String.valueOf(h.wave())).setHeader(getTranslation("wizard.wave"))
                .setAutoWidth(true).setFlexGrow(0);
        // the diff is the plan's longest text: it gets the most room, the single-digit wave the least
        hosts.addColumn(h -> h.diffs().stream().filter(ValueDiff::changes).map(d -> text(d.line()))
                .collect(Collectors.joining("; "))).setHeader(getTranslation("wizard.diff")).setFlexGrow(4);
        hosts.addColumn(h -> h.prechecks().stream().filter(p -> p.status() != Precheck.Status.PASS)
                        .map(p -> getTranslation(p.check().messageKey()) + ": " + text(p.detail()))
                        .collect(Collectors.joining("; ")))
                .setHeader(getTranslation("wizard.prechecks")).setFlexGrow(2);
        hosts.addColumn(h -> h.dominoReload() == null ? "—" : getTranslation(h.dominoReload().messageKey(),
                h.dominoReload().arguments().toArray())).setHeader(getTranslation("wizard.dominoReload")).setFlexGrow(1);
        hosts.setItemDetailsRenderer(new ComponentRenderer<>(this::hostDetails));
        hosts.setItems(plan.hosts());
        hosts.setAllRowsVisible(plan.hosts().size() <= ALL_ROWS_VISIBLE_UP_TO);
        hosts.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        hosts.setId(idPrefix + "-plan-hosts");
        add(summary, hosts);
    }

    private Component hostDetails(HostPlan host) {
        VerticalLayout details = new VerticalLayout();
        details.setPadding(false);
        for (ValueDiff diff : host.diffs()) {
            details.add(new Span(text(diff.line())));
        }
        for (Precheck check : host.prechecks()) {
            Span line = new Span(getTranslation("wizard.check." + check.status().name().toLowerCase(Locale.ROOT))
                    + " " + getTranslation(check.check().messageKey()) + " — " + text(check.detail()));
            line.addClassName("precheck-" + check.status().name().toLowerCase(Locale.ROOT));
            details.add(line);
        }
        if (host.firewall() != null) {
            Details firewall = new Details(getTranslation("fleet.detail.firewall"), commandLines(
                    NetshCommands.forPlan(host.firewall()).stream().map(NetshCommand::commandLine).toList()));
            details.add(firewall);
        }
        if (!host.dominoCommands().isEmpty()) {
            details.add(new Span(getTranslation("fleet.detail.domino.where", String.valueOf(host.dominoServer()))),
                    commandLines(host.dominoCommands()));
        }
        return details;
    }

    private String text(StoredMessage message) {
        return messages.render(message, getLocale(), UserTime.zone());
    }

    /** Lines to type, wrapped at the panel's edge rather than running out of it (a netsh line is long). */
    private static Pre commandLines(List<String> lines) {
        Pre pre = new Pre(String.join("\n", lines));
        pre.addClassName("command-lines");
        return pre;
    }
}
