package org.calconfleet.fleet.ui;

import java.time.format.FormatStyle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.calconfleet.fleet.ConcurrentEditException;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerRejectedException;
import org.calconfleet.fleet.ServerValues;
import org.calconfleet.ui.UserTime;
import org.jspecify.annotations.Nullable;

/** A dialog that adds a server or edits one; on refusal the dialog stays open with everything typed kept. */
public class ServerEditor extends Dialog {

    private final ServerForm form;

    public ServerEditor(FleetService fleet, @Nullable ExchangeServer existing, Consumer<ExchangeServer> saved) {
        form = new ServerForm(fleet.credentialNames());
        setHeaderTitle(getTranslation(existing == null ? "fleet.editor.addTitle" : "fleet.editor.editTitle",
                existing == null ? "" : existing.getHostName()));
        setWidth("min(56rem, 96vw)");
        ServerValues loaded = existing == null ? null : ServerValues.of(existing);
        if (loaded == null) {
            form.editNew();
        } else {
            form.edit(loaded);
        }
        add(form);
        Button save = new Button(getTranslation("fleet.editor.save"), click -> form.values().ifPresent(values -> {
            try {
                ExchangeServer result = existing == null ? fleet.create(values)
                        : fleet.update(existing.getId(), existing.getVersion(), loaded, values);
                close();
                Notification.show(getTranslation("fleet.editor.saved", result.getHostName()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                saved.accept(result);
            } catch (ServerRejectedException e) {
                form.show(e.problems());
            } catch (ConcurrentEditException e) {
                Notification conflict = Notification.show(getTranslation("fleet.editor.conflict", e.changedBy(),
                        UserTime.dateTime(FormatStyle.MEDIUM, getLocale()).format(e.changedAt()),
                        e.theirChanges().stream().map(Object::toString).collect(Collectors.joining("; "))));
                conflict.addThemeVariants(NotificationVariant.LUMO_ERROR);
                conflict.setDuration(0);
            }
        }));
        save.setId("server-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("fleet.editor.cancel"), click -> close());
        getFooter().add(cancel, save);
    }
}
