package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * A host run changed by another console node (here: by SQL, as its commit would) reaches this node's listeners as
 * relayed progress, never as a step of this node's own (which counters and mail would count again).
 */
class RemoteProgressRelayTest extends RolloutTestBase {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    RemoteProgressRelay relay;

    final List<RolloutProgressEvent> received = new CopyOnWriteArrayList<>();
    final List<RolloutProgressEvent> ownSteps = new CopyOnWriteArrayList<>();
    final ApplicationListener<PayloadApplicationEvent<RelayedProgress>> relayedListener =
            event -> received.add(event.getPayload().progress());
    final ApplicationListener<PayloadApplicationEvent<RolloutProgressEvent>> ownListener =
            event -> ownSteps.add(event.getPayload());

    @Test
    void it_looks_only_where_several_nodes_can_share_the_database() {
        assertThat(relay.isRunning()).as("relaying on " + System.getProperty(TestDatabase.SELECTOR, "h2"))
                .isEqualTo(TestDatabase.onPostgres());
    }

    @BeforeEach
    void listen() {
        context.addApplicationListener(relayedListener);
        context.addApplicationListener(ownListener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(relayedListener);
        context.removeApplicationListener(ownListener);
    }

    /** An embedded H2 has one console: there is nothing to relay, and this node does not remember what it announced. */
    static void onSharedDatabase() {
        assumeTrue(TestDatabase.onPostgres(), "several nodes share PostgreSQL only");
    }

    long pendingHostRun(String prefix) {
        onSharedDatabase();
        List<Long> ids = servers(prefix, 1, 45001);
        long change = submit(ChangeDraft.now(ids, 45002, "relay", "CHG-RELAY", ChangeDraft.Waves.DEFAULT)).id();
        return jdbc.queryForObject("select id from host_run where change_request_id = ?", Long.class, change);
    }

    void changedByAnotherNode(long hostRunId, HostRunState state, Step step) {
        jdbc.update("update host_run set state = ?, step = ?, updated_at = current_timestamp, version = version + 1"
                + " where id = ?", state.name(), step.name(), hostRunId);
    }

    @Test
    void a_step_committed_by_another_node_is_published_here_with_its_rollout() {
        long hostRunId = pendingHostRun("RLY");
        long rolloutId = jdbc.queryForObject("select change_request_id from host_run where id = ?", Long.class,
                hostRunId);
        received.clear();
        ownSteps.clear();

        changedByAnotherNode(hostRunId, HostRunState.RUNNING, Step.WRITE);
        relay.relay();
        relay.relay();

        RolloutProgressEvent step = new RolloutProgressEvent(rolloutId, hostRunId, name("RLY", 1),
                HostRunState.RUNNING, Step.WRITE);
        assertThat(received).contains(step, RolloutProgressEvent.ofRollout(rolloutId));
        assertThat(received).filteredOn(step::equals).as("relayed once, though both looks see it").hasSize(1);
        assertThat(ownSteps).as("not published as this node's own step").doesNotContain(step);
    }

    @Test
    void a_step_this_node_announced_itself_is_not_published_again() {
        long hostRunId = pendingHostRun("RLZ");
        long rolloutId = jdbc.queryForObject("select change_request_id from host_run where id = ?", Long.class,
                hostRunId);
        RolloutProgressEvent local = new RolloutProgressEvent(rolloutId, hostRunId, name("RLZ", 1),
                HostRunState.RUNNING, Step.RESTART);
        changedByAnotherNode(hostRunId, HostRunState.RUNNING, Step.RESTART);
        events.publishEvent(local);
        received.clear();

        relay.relay();
        relay.relay();

        assertThat(received).doesNotContain(local);
    }

    @Test
    void the_runs_of_a_change_another_node_has_just_ended_are_relayed_and_those_of_one_ended_long_ago_are_not_read() {
        long rejected = pendingHostRun("RLR");
        long rejectedRollout = rolloutOf(rejected);
        long old = pendingHostRun("RLO");
        long oldRollout = rolloutOf(old);
        jdbc.update("update change_request set state = 'REJECTED', finished_at = ? where id = ?",
                Timestamp.from(Instant.now()), rejectedRollout);
        jdbc.update("update change_request set state = 'DONE', finished_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))), oldRollout);
        received.clear();

        changedByAnotherNode(rejected, HostRunState.CANCELLED, Step.PRECHECK);
        changedByAnotherNode(old, HostRunState.DONE, Step.FINISHED);
        relay.relay();

        assertThat(received).contains(new RolloutProgressEvent(rejectedRollout, rejected, name("RLR", 1),
                HostRunState.CANCELLED, Step.PRECHECK), RolloutProgressEvent.ofRollout(rejectedRollout));
        assertThat(received).noneMatch(event -> event.rolloutId() == oldRollout);
    }

    long rolloutOf(long hostRunId) {
        return jdbc.queryForObject("select change_request_id from host_run where id = ?", Long.class, hostRunId);
    }
}
