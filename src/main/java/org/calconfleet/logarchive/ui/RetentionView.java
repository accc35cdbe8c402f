package org.calconfleet.logarchive.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.calconfleet.access.Role;
import org.calconfleet.logarchive.RolloutLogArchive;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;

/**
 * The administrator's audit retention: the logs of rollouts finished more than N days ago move into a file (the audit
 * trail itself is never shortened). Preview first, then confirm; each archive can be downloaded again.
 */
@Route(value = "retention", layout = MainLayout.class)
@Menu(title = "nav.retention", order = 75, icon = "vaadin:archive")
@RolesAllowed(Role.ADMIN_NAME)
class RetentionView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_DAYS = 90;

    private final RolloutLogArchive archive;
    final IntegerField days = new IntegerField();
    final Paragraph preview = new Paragraph();
    final Button archiveButton = new Button();
    final Grid<RolloutLogArchive.Archive> archives = new Grid<>();
    private final DateTimeFormatter format;

    RetentionView(RolloutLogArchive archive) {
        this.archive = archive;
        this.format = UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
        setSizeFull();
        add(new Paragraph(getTranslation("retention.intro", archive.directory().toString())));

        days.setId("retention-days");
        days.setLabel(getTranslation("retention.days"));
        days.setMin(1);
        days.setStepButtonsVisible(true);
        days.setValue(DEFAULT_DAYS);
        days.addValueChangeListener(change -> showPreview());
        preview.setId("retention-preview");
        archiveButton.setText(getTranslation("retention.archive"));
        archiveButton.setId("retention-archive");
        archiveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        archiveButton.addClickListener(click -> confirm());
        HorizontalLayout form = new HorizontalLayout(days, archiveButton);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(form, preview, new H3(getTranslation("retention.archives")), archives);
        configureArchives();
        showPreview();
    }

    private void showPreview() {
        Integer value = days.getValue();
        if (value == null || value < 1) {
            preview.setText(getTranslation("retention.badDays"));
            archiveButton.setEnabled(false);
            return;
        }
        RolloutLogArchive.Preview p = archive.preview(value);
        preview.setText(p.entries() == 0 ? getTranslation("retention.nothing", format.format(p.cutoff()))
                : getTranslation("retention.preview", p.entries(), p.rollouts(), format.format(p.cutoff()),
                        time(p.firstEntryAt()), time(p.lastEntryAt())));
        archiveButton.setEnabled(p.entries() > 0);
    }

    private void confirm() {
        int value = days.getValue();
        RolloutLogArchive.Preview p = archive.preview(value);
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("retention.confirmTitle"),
                getTranslation("retention.confirmText", p.entries(), p.rollouts(), archive.directory().toString()),
                getTranslation("retention.archive"), e -> archive(value));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("fleet.editor.cancel"));
        dialog.open();
    }

    private void archive(int value) {
        archive.archive(value).ifPresentOrElse(
                done -> Notification.show(getTranslation("retention.archived", done.entries(), done.rollouts(),
                        done.fileName())),
                () -> Notification.show(getTranslation("retention.nothing", format.format(archive.preview(value).cutoff()))));
        archives.setItems(archive.archives());
        showPreview();
    }

    private void configureArchives() {
        archives.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        archives.addColumn(a -> format.format(a.archivedAt())).setHeader(getTranslation("retention.column.when"))
                .setAutoWidth(true);
        archives.addColumn(RolloutLogArchive.Archive::archivedBy).setHeader(getTranslation("retention.column.by"))
                .setAutoWidth(true);
        archives.addColumn(RolloutLogArchive.Archive::rollouts).setHeader(getTranslation("retention.column.rollouts"))
                .setAutoWidth(true);
        archives.addColumn(RolloutLogArchive.Archive::entries).setHeader(getTranslation("retention.column.entries"))
                .setAutoWidth(true);
        archives.addColumn(a -> time(a.firstEntryAt()) + " – " + time(a.lastEntryAt()))
                .setHeader(getTranslation("retention.column.range")).setAutoWidth(true);
        archives.addColumn(RolloutLogArchive.Archive::sha256).setHeader("SHA-256").setFlexGrow(1);
        archives.addComponentColumn(a -> new Anchor(download(a.fileName()), a.fileName()))
                .setHeader(getTranslation("retention.column.file")).setAutoWidth(true);
        archives.setItems(archive.archives());
    }

    private DownloadHandler download(String fileName) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType("application/gzip");
            try {
                Files.copy(archive.file(fileName).orElseThrow(() -> new IOException("no archive " + fileName)),
                        event.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private String time(@Nullable Instant at) {
        return at == null ? "–" : format.format(at);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.retention");
    }
}
