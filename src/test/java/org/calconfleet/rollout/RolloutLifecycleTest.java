package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.calconfleet.rollout.Rendered.assertNoEnglishSentence;
import static org.calconfleet.rollout.Rendered.english;
import static org.calconfleet.rollout.Rendered.japanese;
import static org.calconfleet.rollout.Rendered.stored;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.simulated.RegistryValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Pageable;

class RolloutLifecycleTest extends RolloutTestBase {

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    HostRunWrites writes;

    private static ChangeDraft draft(List<Long> ids, int port, ChangeDraft.Waves waves) {
        return ChangeDraft.now(ids, port, "lifecycle", null, waves);
    }

    private ChangeSummary runToEnd(ChangeDraft draft) {
        ChangeSummary submitted = submit(draft);
        approve(submitted.id());
        return awaitFinished(submitted.id());
    }

    @Test
    void progress_is_published_after_each_step_and_when_the_rollout_ends() {
        List<RolloutProgressEvent> events = new CopyOnWriteArrayList<>();
        context.addApplicationListener(ApplicationListener.<RolloutProgressEvent>forPayload(events::add));
        List<Long> ids = servers("EVT", 2, 45001);
        ChangeSummary done = runToEnd(draft(ids, 45020, new ChangeDraft.Waves(0, 5, 2, 0)));
        List<RolloutProgressEvent> mine = events.stream().filter(e -> e.rolloutId() == done.id()).toList();
        assertThat(mine).filteredOn(e -> "EVT-0001".equals(e.hostName())).extracting(RolloutProgressEvent::step)
                .contains(Step.WRITE, Step.RESTART, Step.VERIFY, Step.DOMINO, Step.FINISHED);
        assertThat(mine).filteredOn(e -> e.hostRunId() == null).isNotEmpty();
    }

    @Test
    void a_runbook_domino_waits_for_an_operator_whose_confirmation_is_recorded() {
        List<Long> ids = servers("RBK", 1, 45001);
        simulated.useRunbookFor("DOM-RBK-0001");
        ChangeSummary submitted = submit(draft(ids, 45021, new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(submitted.id());
        ChangeSummary waiting = awaitFinished(submitted.id());
        assertThat(waiting.state()).isEqualTo(ChangeState.RUNNING);
        HostRunView run = run(submitted.id(), "RBK-0001");
        assertThat(run.state()).isEqualTo(HostRunState.AWAITING_CONFIRMATION);
        assertThat(run.dominoCommands()).isEqualTo("Excalcon q / LOAD EXCALCON RBK-0001 ExchangeFreeBusy 45021 45021 1");
        assertThat(server(ids.getFirst()).getObservedExchangePort()).isEqualTo(45021);

        assertThatThrownBy(() -> Users.as("helpdesk", Role.HELPDESK, () -> rollouts.confirmDomino(run.id(), "typed")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        HostRunView confirmed = Users.as("oscar", Role.OPERATOR, () -> rollouts.confirmDomino(run.id(), "typed it"));
        assertThat(confirmed.state()).isEqualTo(HostRunState.DONE);
        assertThat(confirmed.dominoConfirmedBy()).isEqualTo("oscar");
        assertThat(confirmed.dominoConfirmedAt()).isNotNull();
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        assertThat(server(ids.getFirst()).getDesiredPort()).isEqualTo(45021);
        assertThatThrownBy(() -> Users.as("oscar", Role.OPERATOR, () -> rollouts.confirmDomino(run.id(), "again")))
                .isInstanceOf(ChangeRefusedException.class);
        awaitAuditDrained();
        assertThat(history("RBK-0001")).extracting(AuditEntry::getAction).contains(AuditAction.DOMINO_CONFIRMED);
        assertThat(history("RBK-0001")).filteredOn(e -> e.getAction() == AuditAction.DOMINO_CONFIRMED)
                .extracting(AuditEntry::getActor).containsExactly("oscar");
    }

    @Test
    void a_cancelled_rollout_starts_no_new_host_and_lets_a_running_host_finish_safely() {
        List<Long> ids = servers("CAN", 6, 45001);
        for (Long id : ids) {
            host(id).setServiceTimings(Duration.ofMillis(400), Duration.ofMillis(400));
        }
        ChangeSummary submitted = submit(draft(ids, 45022, new ChangeDraft.Waves(0, 10, 2, 0)));
        approve(submitted.id());
        await("two hosts restarting").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> hostRuns(submitted.id()).stream().filter(r -> r.step() == Step.RESTART).count() >= 2);
        ChangeSummary cancelling = Users.as("olivia", Role.OPERATOR, () -> rollouts.cancel(submitted.id(), "freeze"));
        assertThat(cancelling.cancelRequested()).isTrue();
        ChangeSummary cancelled = awaitFinished(submitted.id());
        assertThat(cancelled.state()).isEqualTo(ChangeState.CANCELLED);
        assertThat(cancelled.counts().done()).isEqualTo(2);
        assertThat(cancelled.counts().cancelled()).isEqualTo(4);
        int written = 0;
        for (Long id : ids) {
            written += host(id).calConWrites();
        }
        assertThat(written).as("only the two hosts already past their write").isEqualTo(2);
        assertThatThrownBy(() -> Users.as("olivia", Role.OPERATOR, () -> rollouts.cancel(submitted.id(), "again")))
                .isInstanceOf(ChangeRefusedException.class);
    }

    @Test
    void more_failures_than_the_threshold_halt_the_rollout_and_skip_the_rest() {
        List<Long> ids = servers("THR", 6, 45001);
        host(ids.getFirst()).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary halted = runToEnd(draft(ids, 45023, new ChangeDraft.Waves(0, 2, 2, 0)));
        assertThat(halted.state()).isEqualTo(ChangeState.FAILED);
        assertThat(halted.halted()).isTrue();
        assertThat(stored(halted.endReason()).code()).isEqualTo("rollout.end.threshold");
        assertThat(english(halted.endReason())).isEqualTo("1 hosts failed, more than the threshold of 0");
        assertThat(halted.counts().rolledBack()).isEqualTo(1);
        assertThat(halted.counts().done()).isEqualTo(1);
        assertThat(halted.counts().skipped()).isEqualTo(4);
        assertThat(host(ids.get(5)).calConWrites()).isZero();
    }

    @Test
    void a_failed_canary_halts_the_rollout_before_the_next_wave() {
        List<Long> ids = servers("CNY", 5, 45001);
        host(ids.getFirst()).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary halted = runToEnd(draft(ids, 45024, new ChangeDraft.Waves(1, 10, 5, 3)));
        assertThat(halted.state()).isEqualTo(ChangeState.FAILED);
        assertThat(english(halted.endReason())).isEqualTo("the canary failed");
        assertThat(hostRuns(halted.id())).filteredOn(run -> run.state() == HostRunState.SKIPPED)
                .extracting(run -> english(run.lastMessage())).hasSize(4).containsOnly("not started: the canary failed");
        assertThat(halted.counts().rolledBack()).isEqualTo(1);
        assertThat(halted.counts().skipped()).isEqualTo(4);
    }

    @Test
    void a_missed_maintenance_window_cancels_the_rollout() {
        List<Long> ids = servers("WIN", 1, 45001);
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        ChangeSummary submitted = submit(new ChangeDraft(ids, 45025, "window", null,
                ChangeDraft.Schedule.window(past, past.plus(1, ChronoUnit.HOURS)), new ChangeDraft.Waves(0, 5, 2, 0)));
        approve(submitted.id());
        ChangeSummary missed = awaitFinished(submitted.id());
        assertThat(missed.state()).isEqualTo(ChangeState.CANCELLED);
        assertThat(english(missed.endReason())).startsWith("the maintenance window was missed: latest start ");
        assertNoEnglishSentence(japanese(missed.endReason()));
        assertThat(english(hostRuns(missed.id()).getFirst().lastMessage())).isEqualTo("the maintenance window was missed");
        assertThat(host(ids.getFirst()).calConWrites()).isZero();
    }

    @Test
    void a_string_port_value_is_a_warning_in_the_plan_and_a_failed_host_gets_that_string_back() {
        List<Long> ids = servers("TYP", 1, 45001);
        host(ids.getFirst()).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.string("45001"));
        ChangeDraft draft = draft(ids, 45027, new ChangeDraft.Waves(0, 5, 2, 0));

        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft));

        assertThat(plan.hosts().getFirst().verdict()).isEqualTo(HostPlan.Verdict.CHANGE);
        assertThat(plan.hosts().getFirst().prechecks()).filteredOn(p -> p.check() == Precheck.Check.VALUE_TYPE)
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(Precheck.Status.WARN);
                    assertThat(english(p.detail())).contains("REG_SZ \"45001\"");
                });

        host(ids.getFirst()).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary failed = runToEnd(draft);

        assertThat(failed.counts().rolledBack()).isEqualTo(1);
        assertThat(host(ids.getFirst()).registryValue(CalConRegistry.PARAMETERS_KEY,
                CalConRegistry.EXCHANGE_SIDE_PORT_VALUE)).contains(RegistryValue.string("45001"));
        assertThat(host(ids.getFirst()).registryValue(CalConRegistry.PARAMETERS_KEY,
                CalConRegistry.NOTES_SIDE_PORT_VALUE)).contains(RegistryValue.dword(45001));
        assertThat(run(failed.id(), "TYP-0001").state()).isEqualTo(HostRunState.ROLLED_BACK);
    }

    @Test
    void a_finished_rollout_is_rolled_back_by_a_new_change_to_the_previous_ports() {
        List<Long> ids = servers("RBA", 2, 45001);
        ChangeSummary original = runToEnd(draft(ids, 45026, new ChangeDraft.Waves(0, 5, 2, 0)));
        assertThat(original.state()).isEqualTo(ChangeState.DONE);

        ChangePlan back = Users.as("oscar", Role.OPERATOR, () -> followUps.planRollback(original.id()));
        assertThat(back.targetPort()).isEqualTo(45001);
        assertThat(back.changes()).isEqualTo(2);
        ChangeSummary rollback = Users.as("oscar", Role.OPERATOR,
                () -> followUps.submitRollback(original.id(), "the firewall change was postponed", "CHG-11"));
        assertThat(rollback.rollbackOf()).isEqualTo(original.id());
        assertThat(rollback.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        approve(rollback.id());
        assertThat(awaitFinished(rollback.id()).state()).isEqualTo(ChangeState.DONE);
        for (Long id : ids) {
            assertThat(RolloutEndToEndTest.ports(host(id))).containsExactly(45001, 45001);
            assertThat(server(id).getDesiredPort()).isEqualTo(45001);
        }
    }

    @Test
    void a_reason_too_long_to_keep_refuses_the_rollback_or_the_cancel_and_nothing_is_stored() {
        List<Long> ids = servers("LNG", 1, 45001);
        ChangeSummary original = runToEnd(draft(ids, 45028, new ChangeDraft.Waves(0, 5, 2, 0)));
        assertThatThrownBy(() -> Users.as("oscar", Role.OPERATOR,
                () -> followUps.submitRollback(original.id(), "r".repeat(ChangeRequest.REASON_MAX_LENGTH + 1), null)))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.refusal().code()).isEqualTo("rollout.submit.too-long"));
        assertThat(Users.as("auditor", Role.AUDITOR, () -> rollouts.rollouts(Pageable.ofSize(1)).getContent().getFirst()
                .id())).as("no rollback stored").isEqualTo(original.id());

        ChangeSummary pending = Users.as("oscar", Role.OPERATOR,
                () -> changes.submit(draft(ids, 45029, new ChangeDraft.Waves(0, 5, 2, 0))));
        assertThatThrownBy(() -> Users.as("oscar", Role.OPERATOR,
                () -> rollouts.cancel(pending.id(), "r".repeat(ChangeRequest.COMMENT_MAX_LENGTH - 20))))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.refusal().code()).isEqualTo("rollout.cancel.too-long"));
        assertThat(Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(pending.id()).orElseThrow().state()))
                .isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    void a_draft_is_planned_again_when_it_is_submitted() {
        List<Long> ids = servers("DRF", 2, 45001);
        ChangeSummary draft = Users.as("oscar", Role.OPERATOR,
                () -> changes.saveDraft(draft(ids, 45027, new ChangeDraft.Waves(0, 5, 2, 0))));
        assertThat(draft.state()).isEqualTo(ChangeState.DRAFT);
        assertThatThrownBy(() -> approve(draft.id())).isInstanceOf(ChangeRefusedException.class);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submitDraft(draft.id()));
        assertThat(submitted.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(submitted.counts().pending()).isEqualTo(2);
        assertThat(Users.as("helpdesk", Role.HELPDESK, () -> rollouts.rollout(draft.id()).orElseThrow()).state())
                .isEqualTo(ChangeState.CANCELLED);
    }

    @Test
    void a_host_that_is_no_longer_waiting_is_not_admitted_again() {
        List<Long> ids = servers("ADM", 1, 45001);
        ChangeSummary done = runToEnd(draft(ids, 45023, new ChangeDraft.Waves(0, 5, 2, 0)));
        HostRunView run = run(done.id(), "ADM-0001");
        assertThat(writes.pendingOfWave(done.id(), 0, 10, Set.of())).isEmpty();

        assertThatThrownBy(() -> writes.admit(List.of(run.id()), Instant.now()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only 0 were waiting");
        assertThat(run(done.id(), "ADM-0001").state()).isEqualTo(HostRunState.DONE);
    }
}
