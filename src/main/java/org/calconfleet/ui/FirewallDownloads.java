package org.calconfleet.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.calconfleet.port.FirewallExport;

/**
 * The firewall openings of one or many servers as the network team takes them: a CSV (in the encoding chosen) and a
 * {@code netsh advfirewall} script. The export is made when a file is downloaded, so that it reads the servers as
 * they are then.
 */
public class FirewallDownloads extends HorizontalLayout {

    public FirewallDownloads(String idPrefix, String fileName, Supplier<FirewallExport> export) {
        CsvExport csv = new CsvExport(idPrefix + "-csv", fileName + ".csv", getTranslation("firewall.export.csv"),
                (out, locale, zone) -> out.write(export.get().csv()));
        // A batch file with a byte-order mark fails on its first line in cmd.exe: UTF-8 without one.
        Anchor script = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(export.get().netshScript().getBytes(StandardCharsets.UTF_8)),
                fileName + ".cmd", "text/plain; charset=UTF-8", -1)), getTranslation("firewall.export.netsh"));
        script.setId(idPrefix + "-netsh");
        script.getElement().setAttribute("download", true);
        setPadding(false);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        addClassName("firewall-downloads");
        add(csv, script);
    }
}
