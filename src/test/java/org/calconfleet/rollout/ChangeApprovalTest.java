package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.calconfleet.rollout.Rendered.assertNoEnglishSentence;
import static org.calconfleet.rollout.Rendered.english;
import static org.calconfleet.rollout.Rendered.japanese;
import static org.calconfleet.rollout.Rendered.stored;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.change.Precheck;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.TcpListener;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;

class ChangeApprovalTest extends RolloutTestBase {

    private static ChangeDraft draft(List<Long> ids, int port) {
        return ChangeDraft.now(ids, port, "pin for the firewall", "CHG-9", new ChangeDraft.Waves(0, 10, 5, 0));
    }

    private static ChangeDraft inAWindow(List<Long> ids, int port) {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
        return new ChangeDraft(ids, port, "pin in the weekend window", "CHG-10",
                ChangeDraft.Schedule.window(start, start.plus(4, ChronoUnit.HOURS)), new ChangeDraft.Waves(0, 10, 5, 0));
    }

    @Test
    void a_plan_of_more_servers_than_one_query_reads_plans_each_of_them_in_the_order_given() {
        List<Long> ids = servers("MNY", 501, 45001).reversed();

        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(ids, 45007)));

        assertThat(plan.hosts()).extracting(HostPlan::serverId).containsExactlyElementsOf(ids);
        assertThat(plan.changes()).isEqualTo(501);
    }

    @Test
    void the_requester_can_neither_approve_nor_reject_their_own_change() {
        List<Long> ids = servers("APR", 2, 45001);
        ChangeSummary submitted = submit(draft(ids, 45005));

        assertThatThrownBy(() -> Users.as("oscar", Role.OPERATOR, () -> changes.approve(submitted.id(), "mine")))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rollout.approve.own"));
        assertThatThrownBy(() -> Users.as("OSCAR", Role.ADMIN, () -> changes.reject(submitted.id(), "mine")))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rollout.approve.own"));
        assertThat(rollout(submitted.id()).state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(host(ids.getFirst()).calConWrites()).isZero();
    }

    @Test
    void a_second_operator_approves_and_request_and_approval_are_audited_with_who_and_why() {
        List<Long> ids = servers("APS", 2, 45001);
        ChangeSummary submitted = submit(draft(ids, 45006));
        ChangeSummary approved = Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "checked CHG-9"));
        assertThat(approved.decidedBy()).isEqualTo("olivia");
        assertThat(approved.decisionComment()).isEqualTo("checked CHG-9");
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);

        List<AuditEntry> entries = Users.as("auditor", Role.AUDITOR,
                () -> audit.historyOf("change:" + submitted.id(), 10));
        assertThat(entries).extracting(AuditEntry::getAction)
                .containsExactly(AuditAction.PORT_CHANGE_APPROVED, AuditAction.PORT_CHANGE_REQUESTED);
        assertThat(entries.get(1).getActor()).isEqualTo("oscar");
        assertThat(entries.get(1).getReason()).isEqualTo("pin for the firewall");
        assertThat(stored(entries.get(1).getAfter())).isEqualTo(StoredMessage.of("rollout.audit.requested-with",
                StoredMessage.inner(StoredMessage.of("rollout.audit.requested",
                        StoredMessage.inner(StoredMessage.of("rollout.audit.port", StoredMessage.port(45006))),
                        StoredMessage.count(2), StoredMessage.count(2), StoredMessage.count(0), StoredMessage.count(0),
                        StoredMessage.count(0), StoredMessage.count(1))),
                StoredMessage.listed(List.of(StoredMessage.inner(
                        StoredMessage.of("rollout.audit.ticket", StoredMessage.verbatim("CHG-9")))))));
        assertThat(english(entries.get(1).getAfter())).contains("port 45006 on 2 servers").contains("ticket CHG-9");
        assertThat(japanese(entries.get(1).getAfter())).contains("ポート 45006", "2 台のサーバー", "チケット CHG-9");
        assertNoEnglishSentence(japanese(entries.get(1).getAfter()));
        assertThat(entries.get(0).getActor()).isEqualTo("olivia");
        assertThat(entries.get(0).getReason()).isEqualTo("checked CHG-9");
        assertThat(stored(entries.get(0).getBefore()).code()).isEqualTo(ChangeState.PENDING_APPROVAL.messageKey());
        assertThat(stored(entries.get(0).getAfter()).code()).isEqualTo(ChangeState.APPROVED.messageKey());
        assertThat(english(entries.get(0).getBefore()) + " → " + english(entries.get(0).getAfter()))
                .isEqualTo("Waiting for approval → Approved");
        assertThat(japanese(entries.get(0).getAfter())).isEqualTo("承認済み");
    }

    @Test
    void a_host_blocked_at_plan_time_keeps_why_as_the_failed_checks_with_their_findings_not_as_a_sentence() {
        List<Long> ids = servers("BLK", 2, 45001);
        host(ids.get(1)).addListener(new TcpListener(45013, 4242, "squatter.exe"));

        ChangeSummary submitted = submit(draft(ids, 45013));

        HostRunView blocked = run(submitted.id(), "BLK-0002");
        assertThat(blocked.state()).isEqualTo(HostRunState.SKIPPED);
        StoredMessage squatter = StoredMessage.of("rollout.precheck.port.process",
                StoredMessage.verbatim("squatter.exe"), StoredMessage.port(4242));
        StoredMessage inUse = StoredMessage.of("rollout.precheck.port.in-use", StoredMessage.port(45013),
                StoredMessage.listed(List.of(StoredMessage.inner(squatter))));
        StoredMessage failedCheck = StoredMessage.of("rollout.precheck.line",
                new StoredMessage.Choice(Precheck.Check.PORT_FREE.messageKey()),
                new StoredMessage.Choice(Precheck.Status.FAIL.messageKey()), StoredMessage.inner(inUse));
        assertThat(stored(blocked.lastMessage())).isEqualTo(StoredMessage.of("rollout.run.blocked-at-plan",
                StoredMessage.inner(StoredMessage.of("rollout.precheck.failed",
                        StoredMessage.listed(List.of(StoredMessage.inner(failedCheck)))))));
        assertThat(english(blocked.lastMessage())).isEqualTo("blocked at plan time: Port free on the host (failed):"
                + " TCP 45013 is in use on the host by squatter.exe (pid 4242)");
        assertThat(japanese(blocked.lastMessage())).contains("TCP 45013", "squatter.exe（PID 4242）");
        assertNoEnglishSentence(japanese(blocked.lastMessage()), "squatter.exe");
        assertThat(stored(blocked.planned()).code()).isEqualTo("rollout.plan.summary");
        assertNoEnglishSentence(japanese(blocked.planned()), "LOAD EXCALCON BLK-0002 ExchangeFreeBusy 45013 45013 1",
                "Excalcon q", "DOM-BLK-0002", "squatter.exe", "MSExchangeCalCon",
                CalConRegistry.EXCHANGE_SIDE_PORT_VALUE, CalConRegistry.NOTES_SIDE_PORT_VALUE);

        HostRunView toChange = run(submitted.id(), "BLK-0001");
        assertThat(stored(toChange.lastMessage()))
                .isEqualTo(StoredMessage.of("rollout.run.waiting-wave", StoredMessage.count(1)));
        assertThat(english(toChange.planned())).startsWith("Will change: NotesCal.Exchange CalCon RPC Port:"
                + " REG_DWORD 45001 → REG_DWORD 45013");
        Users.as("olivia", Role.OPERATOR, () -> changes.reject(submitted.id(), "not now"));
        assertThat(stored(run(submitted.id(), "BLK-0001").lastMessage()).code()).isEqualTo("rollout.run.rejected");
    }

    @Test
    void a_rejection_needs_a_comment_and_ends_the_change_without_touching_a_host() {
        List<Long> ids = servers("REJ", 2, 45001);
        ChangeSummary submitted = submit(draft(ids, 45007));
        assertThatThrownBy(() -> Users.as("olivia", Role.OPERATOR, () -> changes.reject(submitted.id(), " ")))
                .isInstanceOf(ChangeRefusedException.class);
        ChangeSummary rejected = Users.as("olivia", Role.OPERATOR, () -> changes.reject(submitted.id(), "wrong port"));
        assertThat(rejected.state()).isEqualTo(ChangeState.REJECTED);
        assertThat(rejected.counts().cancelled()).isEqualTo(2);
        assertThatThrownBy(() -> approve(submitted.id())).isInstanceOfSatisfying(ChangeRefusedException.class,
                e -> {
                    assertThat(e.messageKey()).isEqualTo("rollout.approve.state");
                    assertThat(japanese(e.refusal().toJson())).doesNotContain("REJECTED")
                            .contains(messages.get(ChangeState.REJECTED.messageKey(), Messages.JAPANESE));
                });
        assertThat(host(ids.getFirst()).calConWrites()).isZero();
    }

    @Test
    void helpdesk_and_auditor_are_refused_on_every_write_but_may_read() {
        List<Long> ids = servers("ROL", 1, 45001);
        ChangeSummary submitted = submit(draft(ids, 45008));
        ChangeSummary done = submit(draft(servers("RLG", 1, 45001), 45011));
        approve(done.id());
        awaitFinished(done.id());
        long doneRun = hostRuns(done.id()).getFirst().id();
        List<HostRunLogEntry> operatorReads = Users.as("oscar", Role.OPERATOR, () -> rollouts.hostLog(doneRun));
        assertThat(operatorReads).extracting(HostRunLogEntry::step).contains(Step.WRITE, Step.RESTART, Step.VERIFY);
        List<Consumer<ChangeService>> changeWrites = List.of(
                s -> s.plan(draft(ids, 45008)),
                s -> s.saveDraft(draft(ids, 45008)),
                s -> s.submit(draft(ids, 45008)),
                s -> s.submitDraft(submitted.id()),
                s -> s.approve(submitted.id(), "x"),
                s -> s.reject(submitted.id(), "x"));
        List<Consumer<FollowUps>> followUpWrites = List.of(
                s -> s.planRollback(submitted.id()),
                s -> s.submitRollback(submitted.id(), "x", null),
                s -> s.planRetry(submitted.id()),
                s -> s.submitRetry(submitted.id()));
        List<Consumer<RolloutService>> rolloutWrites = List.of(
                s -> s.cancel(submitted.id(), "x"),
                s -> s.confirmDomino(1L, "x"));
        for (Role role : List.of(Role.HELPDESK, Role.AUDITOR)) {
            for (Consumer<ChangeService> write : changeWrites) {
                assertThatThrownBy(() -> Users.as("reader", role, () -> write.accept(changes)))
                        .as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
            for (Consumer<FollowUps> write : followUpWrites) {
                assertThatThrownBy(() -> Users.as("reader", role, () -> write.accept(followUps)))
                        .as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
            for (Consumer<RolloutService> write : rolloutWrites) {
                assertThatThrownBy(() -> Users.as("reader", role, () -> write.accept(rollouts)))
                        .as(role.name()).isInstanceOf(AccessDeniedException.class);
            }
            Users.as("reader", role, () -> {
                assertThat(rollouts.rollout(submitted.id())).isPresent();
                assertThat(rollouts.rollouts(Pageable.ofSize(10)).getContent()).isNotEmpty();
                assertThat(rollouts.hostRuns(submitted.id(), Pageable.unpaged()).getContent())
                        .extracting(HostRunView::state).containsExactly(HostRunState.PENDING);
                assertThat(rollouts.hostLog(doneRun)).as(role + " reads a host run's log").isEqualTo(operatorReads);
            });
        }
        assertThat(rollout(submitted.id()).state()).isEqualTo(ChangeState.PENDING_APPROVAL);
    }

    @Test
    void a_cancel_is_audited_with_the_states_by_their_labels_and_the_runs_say_who_cancelled_as_a_message() {
        List<Long> ids = servers("CNL", 1, 45001);
        ChangeSummary submitted = submit(draft(ids, 45014));

        Users.as("olivia", Role.OPERATOR, () -> rollouts.cancel(submitted.id(), "window moved"));

        AuditEntry cancelled = Users.as("auditor", Role.AUDITOR, () -> audit.historyOf("change:" + submitted.id(),
                10)).getFirst();
        assertThat(cancelled.getAction()).isEqualTo(AuditAction.PORT_CHANGE_REJECTED);
        assertThat(stored(cancelled.getBefore()).code()).isEqualTo(ChangeState.PENDING_APPROVAL.messageKey());
        assertThat(stored(cancelled.getAfter()).code()).isEqualTo(ChangeState.CANCELLED.messageKey());
        assertThat(japanese(cancelled.getBefore()) + " → " + japanese(cancelled.getAfter()))
                .isEqualTo("承認待ち → 取り消し");
        assertThat(cancelled.getReason()).isEqualTo("window moved");
        String message = run(submitted.id(), "CNL-0001").lastMessage();
        assertThat(stored(message)).isEqualTo(StoredMessage.of("rollout.run.cancelled-by-because",
                StoredMessage.verbatim("olivia"), StoredMessage.verbatim("window moved")));
        assertThat(japanese(message)).isEqualTo("olivia が取り消しました: window moved");
    }

    @Test
    void a_comment_too_long_to_keep_refuses_the_approval_or_the_rejection_and_the_change_still_waits() {
        List<Long> ids = servers("CMTL", 1, 45001);
        ChangeSummary submitted = submit(inAWindow(ids, 45012));
        String tooLong = "x".repeat(ChangeRequest.COMMENT_MAX_LENGTH + 1);

        assertThatThrownBy(() -> Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), tooLong)))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rollout.approve.comment-too-long"));
        assertThatThrownBy(() -> Users.as("olivia", Role.OPERATOR, () -> changes.reject(submitted.id(), tooLong)))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rollout.approve.comment-too-long"));

        assertThat(rollout(submitted.id()).state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(),
                "y".repeat(ChangeRequest.COMMENT_MAX_LENGTH))).decisionComment())
                .hasSize(ChangeRequest.COMMENT_MAX_LENGTH);
        Users.as("oscar", Role.OPERATOR, () -> rollouts.cancel(submitted.id(), "only a test of the comment"));
    }

    @Test
    void a_host_is_never_in_two_active_changes() {
        List<Long> ids = servers("ONE", 1, 45001);
        ChangeSummary first = submit(inAWindow(ids, 45009));
        ChangeSummary second = submit(inAWindow(ids, 45010));
        assertThat(approve(first.id()).state()).isEqualTo(ChangeState.SCHEDULED);

        assertThatThrownBy(() -> approve(second.id())).isInstanceOfSatisfying(ChangeRefusedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("rollout.approve.busy");
            assertThat(english(e.refusal()))
                    .isEqualTo("These hosts are in another active change: ONE-0001 (change #" + first.id() + ")");
            assertThat(japanese(e.refusal().toJson())).endsWith(": ONE-0001 (変更 #" + first.id() + ")");
        });
        ChangePlan third = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(ids, 45011)));
        assertThat(third.hosts().getFirst().failures()).extracting(Precheck::check)
                .containsExactly(Precheck.Check.NOT_IN_ACTIVE_CHANGE);

        long secondRun = run(second.id(), "ONE-0001").id();
        assertThatThrownBy(() -> jdbc.update("insert into server_claim (server_id, host_run_id, change_request_id)"
                + " select server_id, id, change_request_id from host_run where id = ?", secondRun))
                .as("the database refuses a second active run of a host")
                .isInstanceOf(DataIntegrityViolationException.class);

        Users.as("oscar", Role.OPERATOR, () -> rollouts.cancel(first.id(), "window moved"));
        assertThat(approve(second.id()).state()).isEqualTo(ChangeState.SCHEDULED);
        Users.as("oscar", Role.OPERATOR, () -> rollouts.cancel(second.id(), "not needed"));
    }

    @Test
    void a_change_that_would_touch_nothing_is_not_submitted() {
        List<Long> ids = servers("NOP", 2, 45012);
        assertThatThrownBy(() -> submit(draft(ids, 45012))).isInstanceOfSatisfying(ChangeRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("rollout.submit.nothing-to-change"));
        assertThatThrownBy(() -> submit(draft(ids, 80))).isInstanceOf(ChangeRefusedException.class);
        ChangePlan outside = Users.as("oscar", Role.OPERATOR, () -> changes.plan(draft(ids, 50000)));
        assertThat(outside.blocked()).isEqualTo(2);
        assertThat(outside.hosts().getFirst().failures()).extracting(Precheck::check)
                .containsExactly(Precheck.Check.POLICY);
    }

    private ChangeSummary rollout(long id) {
        return Users.as("helpdesk", Role.HELPDESK, () -> rollouts.rollout(id).orElseThrow());
    }
}
