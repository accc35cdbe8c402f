package org.calconfleet.rollout.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.rollout.ChangeDraft;
import org.calconfleet.rollout.ChangeService;
import org.calconfleet.rollout.ChangeState;
import org.calconfleet.rollout.ChangeSummary;
import org.calconfleet.rollout.Fleets;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/** Its hundreds of servers would change the demo fleet that the other views' tests count: a context of its own. */
@DirtiesContext
class JobsViewTest extends KaribuSpringTest {

    static final int HOSTS = 620;

    @Autowired
    FleetService fleet;
    @Autowired
    ChangeService changes;
    @Autowired
    RolloutService rollouts;

    @Test
    void every_host_of_a_large_rollout_is_reachable_in_the_grid_and_the_hosts_filter_by_state() {
        List<Long> ids = Fleets.create(fleet, "JOBS", HOSTS);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45002,
                "a large rollout", null, new ChangeDraft.Waves(10, 100, 50, 5))));
        signIn("helpdesk", Role.HELPDESK);

        UI.getCurrent().navigate(JobsView.class, submitted.id());
        JobsView view = _get(JobsView.class);

        assertThat(GridKt._size(view.hosts)).isEqualTo(HOSTS);
        assertThat(GridKt._get(view.hosts, HOSTS - 1).hostName()).isEqualTo("JOBS-%04d".formatted(HOSTS));
        view.hostFilter.setValue(HostRunState.PENDING);
        assertThat(GridKt._size(view.hosts)).isEqualTo(HOSTS);
        view.hostFilter.setValue(HostRunState.DONE);
        assertThat(GridKt._size(view.hosts)).isZero();
        view.hostFilter.clear();
        assertThat(GridKt._size(view.hosts)).isEqualTo(HOSTS);
    }

    @Test
    void the_decision_shows_who_decided_and_what_they_wrote() {
        List<Long> ids = Fleets.create(fleet, "FACT", 1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45002,
                "pin the lab", "CHG-7", new ChangeDraft.Waves(0, 5, 5, 0))));
        Users.as("olivia", Role.OPERATOR, () -> changes.reject(submitted.id(), "not during the freeze"));
        signIn("helpdesk", Role.HELPDESK);

        UI.getCurrent().navigate(JobsView.class, submitted.id());

        assertThat(_get(Paragraph.class, spec -> spec.withId("job-facts")).getText()).isEqualTo(
                "Requested by oscar: pin the lab (ticket CHG-7). Decided by olivia, who wrote: \"not during the freeze\"");
        assertThat(_get(Anchor.class, spec -> spec.withId("job-firewall-netsh")).getText())
                .as("the network team's files for the whole change").isEqualTo("Firewall script (netsh advfirewall)");
        _get(Anchor.class, spec -> spec.withId("job-firewall-csv"));
    }

    @Test
    void the_host_log_names_the_event_read_as_evidence() throws InterruptedException {
        List<Long> ids = Fleets.create(fleet, "EVID", 1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45002,
                "pin the lab", "CHG-8", new ChangeDraft.Waves(0, 5, 5, 0))));
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "fine"));
        awaitDone(submitted.id());
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(JobsView.class, submitted.id());
        JobsView view = _get(JobsView.class);

        view.showLog(GridKt._get(view.hosts, 0));

        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anySatisfy(text -> assertThat(text)
                .startsWith("Evidence read: source MSExchangeNotesCal, event 6001, written ")
                .endsWith(": CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45002"));
    }

    private void awaitDone(long rolloutId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(rolloutId).orElseThrow()).state()
                != ChangeState.DONE) {
            assertThat(Instant.now()).as("rollout done in time").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
