package org.calconfleet.window;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sites' weekly windows and the freezes: kept by the administrator (every change audited), asked by the rollout
 * engine before it starts a host.
 */
@Service
public class MaintenanceWindows {

    /** The subject of a freeze of every site in the audit trail. */
    static final String ALL_SITES = "*";

    private final SiteWindowRepository windows;
    private final SiteFreezeRepository freezes;
    private final AuditTrail audit;
    private final Clock clock;

    MaintenanceWindows(SiteWindowRepository windows, SiteFreezeRepository freezes, AuditTrail audit, Clock clock) {
        this.windows = windows;
        this.freezes = freezes;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Of the sites {@code sites} names, those that may start no host at {@code at}, each with why and until when.
     * The sites are asked for only when some window or freeze exists: without any, every site is open.
     */
    @Transactional(readOnly = true)
    public Map<String, Wait> closed(Supplier<Collection<String>> sites, Instant at) {
        List<SiteWindow> allWindows = windows.findAll();
        List<SiteFreeze> current = freezes.findByEndsAtAfterOrderByStartsAtAsc(at);
        Map<String, Wait> closed = new LinkedHashMap<>();
        if (allWindows.isEmpty() && current.isEmpty()) {
            return closed;
        }
        for (String site : sites.get()) {
            MaintenanceCalendar calendar = new MaintenanceCalendar(
                    allWindows.stream().filter(w -> w.getSite().equals(site)).map(SiteWindow::window).toList(),
                    current.stream().filter(f -> f.appliesTo(site)).map(SiteFreeze::freeze).toList());
            calendar.waitAt(at).ifPresent(wait -> closed.put(site, wait));
        }
        return closed;
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<SiteWindowInfo> windows() {
        return windows.findAllByOrderBySiteAscDayOfWeekAscStartTimeAsc().stream().map(SiteWindow::info).toList();
    }

    @RolesAllowed({Role.ADMIN_NAME, Role.OPERATOR_NAME, Role.AUDITOR_NAME, Role.HELPDESK_NAME})
    @Transactional(readOnly = true)
    public List<SiteFreezeInfo> freezes() {
        return freezes.findAllByOrderByStartsAtDesc().stream().map(SiteFreeze::info).toList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public SiteWindowInfo addWindow(String site, WeeklyWindow window) {
        String name = site(site);
        if (window.start().equals(window.end())) {
            throw new MaintenanceRejectedException("maintenance.window.empty");
        }
        SiteWindow saved = windows.save(new SiteWindow(name, window, CurrentUser.usernameOrSystem(), clock.instant()));
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.MAINTENANCE_WINDOW_ADDED,
                subject(name)).change(null, described(window)));
        return saved.info();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void removeWindow(long id) {
        SiteWindow window = windows.findById(id)
                .orElseThrow(() -> new MaintenanceRejectedException(MaintenanceRejectedException.NOT_FOUND));
        windows.delete(window);
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.MAINTENANCE_WINDOW_REMOVED,
                subject(window.getSite())).change(described(window.window()), null));
    }

    /** @param site one site, or null for all of them */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public SiteFreezeInfo addFreeze(@Nullable String site, Instant from, Instant until, String reason) {
        String name = site == null || site.isBlank() ? null : site(site);
        if (!until.isAfter(from)) {
            throw new MaintenanceRejectedException("maintenance.freeze.order");
        }
        String why = reason.strip();
        if (why.isEmpty() || why.length() > SiteFreeze.REASON_MAX) {
            throw new MaintenanceRejectedException("maintenance.freeze.reason", SiteFreeze.REASON_MAX);
        }
        Freeze freeze = new Freeze(from, until);
        SiteFreeze saved = freezes.save(new SiteFreeze(name, freeze, why, CurrentUser.usernameOrSystem(),
                clock.instant()));
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.MAINTENANCE_FREEZE_ADDED,
                subject(name)).change(null, described(freeze)).because(why));
        return saved.info();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void removeFreeze(long id) {
        SiteFreeze freeze = freezes.findById(id)
                .orElseThrow(() -> new MaintenanceRejectedException(MaintenanceRejectedException.NOT_FOUND));
        SiteFreezeInfo info = freeze.info();
        freezes.delete(freeze);
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.MAINTENANCE_FREEZE_REMOVED,
                subject(info.site())).change(described(info.freeze()), null).because(info.reason()));
    }

    private static String site(String site) {
        String name = site.strip();
        if (name.isEmpty() || name.length() > SiteWindow.SITE_MAX) {
            throw new MaintenanceRejectedException("maintenance.site.invalid", SiteWindow.SITE_MAX);
        }
        return name;
    }

    static String subject(@Nullable String site) {
        return AuditSubject.site(site == null ? ALL_SITES : site);
    }

    /** Wall-clock times and the zone as set: they mean the same in every reader's zone. */
    private static StoredMessage described(WeeklyWindow w) {
        return StoredMessage.of("window.value.weekly", StoredMessage.choice("window.day", w.day()),
                StoredMessage.verbatim(w.start()), StoredMessage.verbatim(w.end()),
                StoredMessage.verbatim(w.zone().getId()));
    }

    private static StoredMessage described(Freeze f) {
        return StoredMessage.of("window.value.freeze", StoredMessage.at(f.from()), StoredMessage.at(f.until()));
    }
}
