package org.calconfleet.rollout.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.Evidence;
import org.calconfleet.rollout.HostRunLogEntry;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.ui.UserTime;

/** One host run's own log, the event its verification read as evidence, and where an archived log went. */
class HostRunLogDialog extends Dialog {

    HostRunLogDialog(RolloutService rollouts, Messages messages, HostRunView host) {
        setHeaderTitle(getTranslation("jobs.logTitle", host.hostName()));
        DateTimeFormatter format = UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
        ZoneId zone = UserTime.zone();
        Grid<HostRunLogEntry> log = new Grid<>();
        log.addColumn(e -> format.format(e.at())).setHeader(getTranslation("audit.column.time")).setAutoWidth(true);
        log.addColumn(e -> getTranslation(e.step().messageKey())).setHeader(getTranslation("jobs.step"))
                .setAutoWidth(true);
        log.addColumn(e -> {
            String outcome = messages.render(e.outcome(), getLocale(), zone);
            return e.message() == null ? outcome
                    : getTranslation("jobs.logLine", outcome, messages.render(e.message(), getLocale(), zone));
        }).setHeader(getTranslation("jobs.message")).setFlexGrow(3);
        log.setItems(rollouts.hostLog(host.id()));
        log.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        log.setWidth("min(60rem, 90vw)");
        log.setId("job-host-log");
        add(evidence(host, format), log);
        rollouts.archivedLog(host.id()).ifPresent(archived -> add(new Paragraph(getTranslation("jobs.logArchived",
                format.format(archived.archivedAt()), archived.archivedBy(), archived.fileName()))));
        getFooter().add(new Button(getTranslation("jobs.close"), click -> close()));
    }

    private Paragraph evidence(HostRunView host, DateTimeFormatter format) {
        Evidence read = host.evidence();
        return new Paragraph(read == null ? getTranslation("jobs.evidence.none")
                : getTranslation("jobs.evidence", read.source(), String.valueOf(read.eventId()),
                        format.format(read.writtenAt()), read.text()));
    }
}
