package org.calconfleet.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.access.SiteScope;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.drift.FleetHistory;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.FleetSummary;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.ui.JobsView;
import org.calconfleet.ui.Chart;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

@Route(value = "dashboard", layout = MainLayout.class)
@Menu(title = "nav.dashboard", order = 5, icon = "vaadin:dashboard")
@PermitAll
class DashboardView extends VerticalLayout implements HasDynamicTitle {

    static final int RECENT_ROLLOUTS = 200;

    static final int DRIFT_DAYS = 30;
    static final int CHANGE_WEEKS = 12;
    private static final int DRIFT_STYLE = FleetHistory.OUTCOMES.size();

    static final int AWAITING_SHOWN = 10;

    DashboardView(FleetService fleet, RolloutService rollouts, FleetHistory history,
            AuthenticationContext authentication) {
        addClassName("dashboard");
        if (authentication.hasAnyRole(Role.ADMIN_NAME, Role.OPERATOR_NAME)) {
            add(awaitingYou(rollouts.awaitingYourDecision(AWAITING_SHOWN)));
        }
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
        Div charts = new Div(portChart(summary), driftChart(history), changesChart(history));
        charts.addClassName("charts");
        add(tiles, charts, recentFailures(recent));
    }

    /** What waits for the reader: approvals they may give, so that a change does not wait for nobody. */
    private Component awaitingYou(List<ChangeSummary> awaiting) {
        Div box = new Div(new H3(getTranslation("dashboard.awaiting")));
        box.setWidthFull();
        box.setId("awaiting-you");
        if (awaiting.isEmpty()) {
            box.add(new Paragraph(getTranslation("dashboard.awaiting.none")));
        }
        for (ChangeSummary change : awaiting) {
            box.add(new Div(new RouterLink(getTranslation("dashboard.awaiting.item", change.id(), change.requestedBy(),
                    change.reason(), change.targetPort() == null ? "—" : String.valueOf(change.targetPort()),
                    change.counts().total()), JobsView.class, change.id())));
        }
        return box;
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
        Chart chart = new Chart(Chart.Kind.BAR, getTranslation("dashboard.chart.ports"), labels,
                List.of(Chart.Series.of(getTranslation("dashboard.servers"), values, 0)), false);
        chart.setId("ports-chart");
        return chart;
    }

    private Component driftChart(FleetHistory history) {
        List<FleetHistory.DriftDay> days = history.driftPerDay(DRIFT_DAYS, UserTime.zone());
        String title = getTranslation("dashboard.chart.drift", DRIFT_DAYS);
        if (days.isEmpty()) {
            return emptyChart("drift-chart", title, getTranslation(SiteScope.current().unlimited()
                    ? "dashboard.chart.drift.none" : "dashboard.chart.drift.fleetOnly"));
        }
        DateTimeFormatter format = dayFormat();
        Chart chart = new Chart(Chart.Kind.LINE, title, days.stream().map(d -> format.format(d.day())).toList(),
                List.of(Chart.Series.of(getTranslation("dashboard.drifted"),
                                days.stream().map(FleetHistory.DriftDay::drifted).toList(), DRIFT_STYLE),
                        Chart.Series.of(getTranslation("dashboard.attention"),
                                days.stream().map(FleetHistory.DriftDay::needsAttention).toList(),
                                FleetHistory.OUTCOMES.indexOf(HostRunState.NEEDS_ATTENTION))), false);
        chart.setId("drift-chart");
        return chart;
    }

    private Component changesChart(FleetHistory history) {
        List<FleetHistory.OutcomeWeek> weeks = history.changesPerWeek(CHANGE_WEEKS,
                WeekFields.of(getLocale()).getFirstDayOfWeek(), UserTime.zone());
        String title = getTranslation("dashboard.chart.changes", CHANGE_WEEKS);
        if (weeks.stream().allMatch(w -> w.outcomes().isEmpty())) {
            return emptyChart("changes-chart", title, getTranslation("dashboard.chart.changes.none", CHANGE_WEEKS));
        }
        DateTimeFormatter format = dayFormat();
        List<Chart.Series> series = FleetHistory.OUTCOMES.stream()
                .filter(outcome -> weeks.stream().anyMatch(w -> w.count(outcome) > 0))
                .map(outcome -> Chart.Series.of(getTranslation(outcome.messageKey()),
                        weeks.stream().map(w -> w.count(outcome)).toList(), FleetHistory.OUTCOMES.indexOf(outcome)))
                .toList();
        Chart chart = new Chart(Chart.Kind.STACKED_BAR, title, weeks.stream()
                .map(w -> getTranslation("dashboard.week", format.format(w.firstDay()))).toList(), series, false);
        chart.setId("changes-chart");
        return chart;
    }

    private Component emptyChart(String id, String title, String whatNext) {
        Div empty = new Div(new H3(title), new Paragraph(whatNext));
        empty.addClassName("chart-empty");
        empty.setId(id);
        return empty;
    }

    private DateTimeFormatter dayFormat() {
        return UserTime.date(getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboard");
    }
}
