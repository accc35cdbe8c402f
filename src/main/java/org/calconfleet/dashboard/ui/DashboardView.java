package org.calconfleet.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.FleetSummary;
import org.calconfleet.rollout.ChangeSummary;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.ui.JobsView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.calconfleet.ui.Chart;
import org.calconfleet.ui.MainLayout;

@Route(value = "dashboard", layout = MainLayout.class)
@Menu(title = "nav.dashboard", order = 5, icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final int RECENT_ROLLOUTS = 200;

    DashboardView(FleetService fleet, RolloutService rollouts) {
        addClassName("dashboard");
        FleetSummary summary = fleet.summary();
        List<ChangeSummary> recent = rollouts.rollouts(PageRequest.of(0, RECENT_ROLLOUTS,
                Sort.by(Sort.Direction.DESC, "id"))).getContent();
        long running = recent.stream().filter(c -> c.state().isActive()).count();
        long attention = recent.stream().mapToLong(c -> c.counts().needsAttention()).sum();
        Div tiles = new Div();
        tiles.addClassName("tiles");
        tiles.add(tile("dashboard.servers", summary.servers(), false),
                tile("dashboard.pinned", summary.pinned(), false),
                tile("dashboard.dynamic", summary.dynamic(), false),
                tile("dashboard.drifted", summary.drifted(), summary.drifted() > 0),
                tile("dashboard.unknown", summary.unknown(), false),
                tile("dashboard.stopped", summary.stopped(), summary.stopped() > 0),
                tile("dashboard.groupwise", summary.groupWise(), false),
                tile("dashboard.running", running, false),
                tile("dashboard.attention", attention, attention > 0));
        add(tiles, portChart(summary), recentFailures(recent));
    }

    private Component recentFailures(List<ChangeSummary> recent) {
        Div box = new Div(new H3(getTranslation("dashboard.failures")));
        box.setWidthFull();
        List<ChangeSummary> failed = recent.stream().filter(c -> c.counts().failures() > 0).limit(10).toList();
        if (failed.isEmpty()) {
            box.add(new Paragraph(getTranslation("dashboard.failures.none")));
        }
        for (ChangeSummary change : failed) {
            RouterLink link = new RouterLink(getTranslation("dashboard.failures.item", change.id(),
                    change.counts().failed(), change.counts().rolledBack(), change.counts().needsAttention()),
                    JobsView.class, change.id());
            box.add(new Div(link));
        }
        box.setId("recent-failures");
        return box;
    }

    private Component tile(String key, long value, boolean alarming) {
        Span number = new Span(NumberFormat.getIntegerInstance(getLocale()).format(value));
        number.addClassName("tile-value");
        Div tile = new Div(number, new Span(getTranslation(key)));
        tile.addClassName("tile");
        if (alarming) {
            tile.addClassName("tile-alarm");
        }
        tile.setId("tile-" + key.substring(key.indexOf('.') + 1));
        return tile;
    }

    private Component portChart(FleetSummary summary) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        summary.desiredPorts().forEach((port, count) -> {
            labels.add(port == 0 ? getTranslation("port.dynamic.short") : String.valueOf(port));
            values.add(count);
        });
        if (summary.groupWise() > 0) {
            labels.add(getTranslation("dashboard.groupwise"));
            values.add(summary.groupWise());
        }
        Chart chart = new Chart(getTranslation("dashboard.chart.ports"), getTranslation("dashboard.servers"),
                labels, values);
        chart.setId("ports-chart");
        chart.setWidthFull();
        chart.setHeight("280px");
        return chart;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
