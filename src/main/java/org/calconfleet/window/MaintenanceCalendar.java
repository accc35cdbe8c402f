package org.calconfleet.window;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One site's weekly windows and the freezes that apply to it. A site without windows is always open; a freeze closes
 * it whatever its windows say. Plain Java: no clock of its own, every answer is for the instant it is given.
 */
public record MaintenanceCalendar(List<WeeklyWindow> windows, List<Freeze> freezes) {

    /** Enough for a week of windows and freezes that follow one another; a calendar that never opens stops here. */
    private static final int MAX_STEPS = 1000;

    public MaintenanceCalendar {
        windows = List.copyOf(windows);
        freezes = List.copyOf(freezes);
    }

    public boolean isOpen(Instant at) {
        return waitAt(at).isEmpty();
    }

    /**
     * Why no host may start at {@code at} and the first instant one may; empty when one may now. The reason is what
     * blocks at {@code at} (a freeze before a closed window); the instant is the first that neither blocks.
     */
    public Optional<Wait> waitAt(Instant at) {
        @Nullable WaitReason reason = frozenUntil(at).isPresent() ? WaitReason.FREEZE
                : inWindow(at) ? null : WaitReason.WINDOW;
        if (reason == null) {
            return Optional.empty();
        }
        Instant t = at;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<Instant> thaw = frozenUntil(t);
            if (thaw.isPresent()) {
                t = thaw.get();
            } else if (!inWindow(t)) {
                t = nextOpening(t);
            } else {
                return Optional.of(new Wait(reason, t));
            }
        }
        throw new IllegalStateException("the calendar does not open within " + MAX_STEPS + " windows and freezes");
    }

    /** The end of the latest-ending freeze in force at {@code at}. */
    private Optional<Instant> frozenUntil(Instant at) {
        return freezes.stream().filter(f -> f.holds(at)).map(Freeze::until).max(Instant::compareTo);
    }

    private boolean inWindow(Instant at) {
        if (windows.isEmpty()) {
            return true;
        }
        for (WeeklyWindow w : windows) {
            LocalDate today = at.atZone(w.zone()).toLocalDate();
            for (LocalDate date = today.minusDays(1); !date.isAfter(today); date = date.plusDays(1)) {
                if (date.getDayOfWeek() == w.day() && !at.isBefore(w.opensOn(date).toInstant())
                        && at.isBefore(w.closesAfterOpeningOn(date).toInstant())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first opening of any window after {@code at}; windows exist. */
    private Instant nextOpening(Instant at) {
        @Nullable Instant next = null;
        for (WeeklyWindow w : windows) {
            LocalDate today = at.atZone(w.zone()).toLocalDate();
            for (LocalDate date = today; !date.isAfter(today.plusDays(7)); date = date.plusDays(1)) {
                if (date.getDayOfWeek() != w.day()) {
                    continue;
                }
                ZonedDateTime opens = w.opensOn(date);
                if (opens.toInstant().isAfter(at) && (next == null || opens.toInstant().isBefore(next))) {
                    next = opens.toInstant();
                }
            }
        }
        if (next == null) {
            throw new IllegalStateException("no window opens in the week after " + at);
        }
        return next;
    }
}
