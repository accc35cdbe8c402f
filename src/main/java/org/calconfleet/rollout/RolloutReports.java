package org.calconfleet.rollout;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calconfleet.change.ChangeRequestRepository;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rollout as the console's own notices tell it (e-mail), read on threads no user signed in to. Every role may
 * read every rollout, so nothing is disclosed by reading without a user.
 */
@Component
public class RolloutReports {

    /** A rollout's counts and the first of its hosts that failed, were rolled back or need attention. */
    public record RolloutReport(ChangeSummary summary, List<HostRunView> troubledHosts) {
    }

    private final ChangeRequestRepository changes;
    private final HostRunRepository runs;
    private final RolloutQueries queries;

    RolloutReports(ChangeRequestRepository changes, HostRunRepository runs, RolloutQueries queries) {
        this.changes = changes;
        this.runs = runs;
        this.queries = queries;
    }

    /** The rollout's report if it is in one of {@code states} (checked before anything is counted). */
    @Transactional(readOnly = true)
    public Optional<RolloutReport> report(long rolloutId, Set<ChangeState> states, int maxHosts) {
        return changes.findById(rolloutId).filter(change -> states.contains(change.getState()))
                .map(change -> new RolloutReport(queries.summary(change),
                runs.findByChangeRequestIdAndStateInOrderBySeq(rolloutId, RolloutStore.FAILURES,
                        PageRequest.of(0, maxHosts)).stream().map(HostRunView::of).toList()));
    }
}
