package org.calconfleet.rollout.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.Locale;
import java.util.stream.Stream;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ui.RefusalNotice;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

/**
 * One rollout's hosts, page by page from the database (a rollout may have tens of thousands), optionally only those
 * in one state ({@link #filter}); each with its log and, while it waits for one, the Domino confirmation.
 */
class HostRunGrid extends Grid<HostRunView> {

    final Select<HostRunState> filter = new Select<>();
    private final RolloutService rollouts;
    private final Messages messages;
    private final boolean mayAct;
    private final Runnable afterConfirmation;
    private @Nullable Long rolloutId;

    HostRunGrid(RolloutService rollouts, Messages messages, boolean mayAct, Runnable afterConfirmation) {
        this.rollouts = rollouts;
        this.messages = messages;
        this.mayAct = mayAct;
        this.afterConfirmation = afterConfirmation;
        addColumn(HostRunView::hostName).setHeader(getTranslation("servers.column.host")).setAutoWidth(true);
        addColumn(HostRunView::wave).setHeader(getTranslation("wizard.wave")).setAutoWidth(true);
        addColumn(h -> getTranslation(h.step().messageKey())).setHeader(getTranslation("jobs.step"))
                .setAutoWidth(true);
        addColumn(new ComponentRenderer<>(this::stateBadge)).setHeader(getTranslation("jobs.state"))
                .setAutoWidth(true);
        addColumn(h -> messages.render(h.lastMessage(), getLocale(), UserTime.zone()))
                .setHeader(getTranslation("jobs.message")).setFlexGrow(3);
        addColumn(new ComponentRenderer<>(this::hostActions)).setHeader("").setAutoWidth(true);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setHeight("24rem");
        setId("job-hosts");
        setItems(query -> rolloutId == null ? Stream.empty() : rollouts.hostRuns(rolloutId, filter.getValue(),
                        PageRequest.of(query.getPage(), query.getPageSize())).stream(),
                query -> rolloutId == null ? 0 : Math.toIntExact(rollouts.countHostRuns(rolloutId, filter.getValue())));
        filter.setLabel(getTranslation("jobs.filter"));
        filter.setItems(HostRunState.values());
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption(getTranslation("jobs.filter.all"));
        filter.setItemLabelGenerator(state -> state == null ? getTranslation("jobs.filter.all")
                : getTranslation(state.messageKey()));
        filter.setId("job-host-filter");
        filter.addValueChangeListener(change -> getDataProvider().refreshAll());
    }

    void show(long rollout) {
        rolloutId = rollout;
        getDataProvider().refreshAll();
    }

    void showLog(HostRunView host) {
        new HostRunLogDialog(rollouts, messages, host).open();
    }

    private Span stateBadge(HostRunView host) {
        Span badge = new Span(getTranslation(host.state().messageKey()));
        badge.addClassNames("status-badge", "run-" + host.state().name().toLowerCase(Locale.ROOT));
        return badge;
    }

    private Component hostActions(HostRunView host) {
        HorizontalLayout actions = new HorizontalLayout();
        Button log = new Button(getTranslation("jobs.log"), click -> showLog(host));
        log.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actions.add(log);
        if (mayAct && host.state() == HostRunState.AWAITING_CONFIRMATION) {
            Button confirm = new Button(getTranslation("jobs.confirmDomino"), click -> confirmDomino(host));
            confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(confirm);
        }
        return actions;
    }

    private void confirmDomino(HostRunView host) {
        try {
            rollouts.confirmDomino(host.id(), null);
            Notification.show(getTranslation("jobs.dominoConfirmed", host.hostName()));
        } catch (ChangeRefusedException e) {
            RefusalNotice.show(messages, e, getLocale());
        }
        afterConfirmation.run();
    }
}
