package org.calconfleet.drift;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.calconfleet.access.Role;
import org.calconfleet.access.SiteScope;
import org.calconfleet.common.LocalDays;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.FleetSummary;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.RegistryReads;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fleet over time, for the charts: drift and needs-attention per day (from the snapshot each drift scan
 * leaves), port changes per week by outcome and a server's port changes (from the host runs). Everything is
 * counted in the database, by quarter-hour; days and weeks are the reader's, in the zone the caller names.
 */
@Service
public class FleetHistory {

    /** The worst drift and needs-attention counts a scan saw on a day. */
    public record DriftDay(LocalDate day, long drifted, long needsAttention) {
    }

    /** How the host runs that finished in one week ended, by outcome; weeks without runs are there too. */
    public record OutcomeWeek(LocalDate firstDay, Map<HostRunState, Long> outcomes) {

        public long count(HostRunState state) {
            return outcomes.getOrDefault(state, 0L);
        }
    }

    /**
     * One attempt to change a server's port: when it ended, the port it aimed at, how it ended, and the port the
     * server had before it ({@code null} when that was not a readable DWORD).
     */
    public record PortChange(Instant finishedAt, int targetPort, HostRunState outcome, @Nullable Integer portBefore,
                             long rolloutId) {

        /** The port the server was left with: the new one once done, the old one when the change did not take. */
        public @Nullable Integer portAfter() {
            return switch (outcome) {
                case DONE, NO_CHANGE -> targetPort;
                case FAILED, ROLLED_BACK -> portBefore;
                default -> null;
            };
        }
    }

    /** The outcomes the charts show, in this order; a chart styles each by its index, the same everywhere. */
    public static final List<HostRunState> OUTCOMES = List.of(HostRunState.DONE, HostRunState.ROLLED_BACK,
            HostRunState.FAILED, HostRunState.NEEDS_ATTENTION, HostRunState.NO_CHANGE);

    static final int TIMELINE_LIMIT = 100;

    private final FleetHistoryRepository history;
    private final FleetObservations fleet;
    private final Clock clock;

    FleetHistory(FleetHistoryRepository history, FleetObservations fleet, Clock clock) {
        this.history = history;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** A drift scan on this node ended: one snapshot of it and the fleet, which every node reads. */
    @EventListener
    @Transactional
    void recordScan(DriftScanResult scan) {
        FleetSummary summary = fleet.summary();
        history.save(new FleetSnapshot(scan, summary.servers(), summary.drifted(), history.countNeedingAttention()));
    }

    /**
     * The last drift scan's figures, whichever node ran it. Unsecured: the health check reads it without a signed-in
     * user, and it holds counts only.
     */
    @Transactional(readOnly = true)
    public Optional<DriftScanResult> lastScan() {
        return history.findFirstByOrderByIdDesc().map(FleetSnapshot::scan);
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<DriftDay> driftPerDay(int days, ZoneId zone) {
        if (!SiteScope.current().unlimited()) {
            // A drift scan's snapshot counts the whole fleet; a user limited to sites sees no count of other sites.
            return List.of();
        }
        LocalDate first = LocalDate.now(clock.withZone(zone)).minusDays(days - 1L);
        Map<LocalDate, DriftDay> worst = new TreeMap<>();
        for (Object[] row : history.worstPerQuarterHour(LocalDays.startOf(first, zone))) {
            DriftDay quarter = new DriftDay(LocalDays.dayOf((Long) row[0], zone), (Long) row[1], (Long) row[2]);
            worst.merge(quarter.day(), quarter, (a, b) -> new DriftDay(a.day(), Math.max(a.drifted(), b.drifted()),
                    Math.max(a.needsAttention(), b.needsAttention())));
        }
        return List.copyOf(worst.values());
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<OutcomeWeek> changesPerWeek(int weeks, DayOfWeek firstDayOfWeek, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = today.with(TemporalAdjusters.previousOrSame(firstDayOfWeek)).minusWeeks(weeks - 1L);
        Map<LocalDate, Map<HostRunState, Long>> byWeek = new LinkedHashMap<>();
        for (LocalDate week = first; !week.isAfter(today); week = week.plusWeeks(1)) {
            byWeek.put(week, new EnumMap<>(HostRunState.class));
        }
        SiteScope scope = SiteScope.current();
        Instant since = LocalDays.startOf(first, zone);
        for (Object[] row : scope.unlimited() ? history.finishedRunsPerQuarterHour(since)
                : history.finishedRunsPerQuarterHourAt(since, scope.sites())) {
            LocalDate week = LocalDays.dayOf((Long) row[0], zone)
                    .with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
            Map<HostRunState, Long> outcomes = byWeek.get(week);
            if (outcomes != null) {
                outcomes.merge((HostRunState) row[1], (Long) row[2], Long::sum);
            }
        }
        List<OutcomeWeek> result = new ArrayList<>();
        byWeek.forEach((week, outcomes) -> result.add(new OutcomeWeek(week, outcomes)));
        return result;
    }

    /**
     * The server's newest finished changes (skipped and cancelled runs changed nothing), oldest first; none for a
     * server outside the acting user's sites.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<PortChange> portTimeline(long serverId) {
        SiteScope scope = SiteScope.current();
        if (!scope.unlimited() && fleet.server(serverId).filter(server -> scope.allows(server.getSite())).isEmpty()) {
            return List.of();
        }
        List<PortChange> newestFirst = history.finishedRunsOf(serverId, Limit.of(TIMELINE_LIMIT)).stream()
                .map(row -> new PortChange((Instant) row[0], (Integer) row[1], (HostRunState) row[2],
                        portBefore((String) row[3]), (Long) row[4]))
                .toList();
        return newestFirst.reversed();
    }

    private static @Nullable Integer portBefore(@Nullable String encoded) {
        if (encoded == null) {
            return null;
        }
        RegistryRead read = RegistryReads.decode(encoded);
        return read instanceof RegistryRead.Absent ? Integer.valueOf(0) : RegistryReads.dword(read);
    }
}
