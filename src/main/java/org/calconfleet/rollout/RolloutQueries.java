package org.calconfleet.rollout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.calconfleet.access.SiteScope;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeRequestRepository;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.RolloutCounts;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads for pages and summaries, without method security: the services that call this check their callers. The
 * acting user's sites narrow what they find.
 */
@Component
class RolloutQueries {

    private final ChangeRequestRepository changes;
    private final HostRunRepository runs;

    RolloutQueries(ChangeRequestRepository changes, HostRunRepository runs) {
        this.changes = changes;
        this.runs = runs;
    }

    @Transactional(readOnly = true)
    public ChangeSummary summary(ChangeRequest change) {
        List<Long> id = List.of(change.id());
        return ChangeSummary.of(change, counts(id).getOrDefault(change.id(), RolloutCounts.NONE),
                retries(id).getOrDefault(change.id(), List.of()));
    }

    @Transactional(readOnly = true)
    public Page<ChangeSummary> page(Pageable pageable) {
        SiteScope scope = SiteScope.current();
        Page<ChangeRequest> page = scope.unlimited() ? changes.findAllByOrderByIdDesc(pageable)
                : runs.findChangesWithinSites(scope.sites(), pageable);
        List<Long> ids = page.getContent().stream().map(ChangeRequest::id).toList();
        Map<Long, RolloutCounts> counts = counts(ids);
        Map<Long, List<Long>> retries = retries(ids);
        return page.map(c -> ChangeSummary.of(c, counts.getOrDefault(c.id(), RolloutCounts.NONE),
                retries.getOrDefault(c.id(), List.of())));
    }

    /**
     * Whether the acting user may see and act on a change: an unlimited user any, a user limited to some sites only
     * the changes all of whose hosts are at those sites.
     */
    @Transactional(readOnly = true)
    public boolean visible(long changeId) {
        SiteScope scope = SiteScope.current();
        return scope.unlimited() || runs.countOutsideSites(changeId, scope.sites()) == 0;
    }

    Map<Long, RolloutCounts> counts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<HostRunState, Integer>> byState = new HashMap<>();
        for (Object[] row : runs.countStates(ids)) {
            byState.computeIfAbsent((Long) row[0], k -> new EnumMap<>(HostRunState.class))
                    .put((HostRunState) row[1], ((Number) row[2]).intValue());
        }
        Map<Long, Integer> unverifiable = new HashMap<>();
        for (Object[] row : runs.countUnverifiable(ids)) {
            unverifiable.put((Long) row[0], ((Number) row[1]).intValue());
        }
        Map<Long, RolloutCounts> result = new HashMap<>();
        for (Long id : ids) {
            result.put(id, counts(byState.getOrDefault(id, Map.of()), unverifiable.getOrDefault(id, 0)));
        }
        return result;
    }

    private static RolloutCounts counts(Map<HostRunState, Integer> byState, int unverifiable) {
        int total = byState.values().stream().mapToInt(Integer::intValue).sum();
        return new RolloutCounts(total, get(byState, HostRunState.PENDING), get(byState, HostRunState.RUNNING),
                get(byState, HostRunState.AWAITING_CONFIRMATION), get(byState, HostRunState.DONE), unverifiable,
                get(byState, HostRunState.NO_CHANGE), get(byState, HostRunState.SKIPPED),
                get(byState, HostRunState.FAILED), get(byState, HostRunState.ROLLED_BACK),
                get(byState, HostRunState.NEEDS_ATTENTION), get(byState, HostRunState.CANCELLED));
    }

    private static int get(Map<HostRunState, Integer> byState, HostRunState state) {
        return byState.getOrDefault(state, 0);
    }

    /** The changes that retried each rollout's failed hosts, oldest first; rollouts never retried are left out. */
    private Map<Long, List<Long>> retries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Long>> result = new HashMap<>();
        for (Object[] row : changes.findRetries(ids)) {
            result.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
        }
        return result;
    }
}
