package org.calconfleet.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEntry;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.host.simulated.HostFault;
import org.calconfleet.host.simulated.RegistryValue;
import org.junit.jupiter.api.Test;

/** A follow-up change for exactly the hosts of a finished rollout that failed, were rolled back or need attention. */
class RetryFailedHostsTest extends RolloutTestBase {

    static final int FROM = 45001;
    static final int TO = 45031;

    private static ChangeDraft draft(List<Long> ids, int port) {
        return ChangeDraft.now(ids, port, "pin for the new firewall rule", "CHG-31", new ChangeDraft.Waves(0, 10, 5, 10));
    }

    private ChangeSummary retry(long rolloutId) {
        return Users.as("oscar", Role.OPERATOR, () -> followUps.submitRetry(rolloutId));
    }

    private ChangeSummary rollout(long id) {
        return Users.as("helpdesk", Role.HELPDESK, () -> rollouts.rollout(id).orElseThrow());
    }

    @Test
    void only_the_failed_rolled_back_and_needs_attention_hosts_are_retried_and_a_host_fixed_meanwhile_does_not_change() {
        List<Long> ids = servers("RTY", 5, FROM);
        String done = name("RTY", 1);
        String rolledBack = name("RTY", 2);
        String needsAttention = name("RTY", 3);
        String failed = name("RTY", 4);
        String alreadyThere = name("RTY", 5);
        host(ids.get(1)).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        host(ids.get(2)).suppressRpcPortEvent(true);
        putPorts(ids.get(4), TO);
        ChangeSummary original = submit(draft(ids, TO));
        host(ids.get(3)).injectFault(HostFault.unreachable());
        approve(original.id());
        ChangeSummary finished = awaitFinished(original.id());
        assertThat(hostRuns(original.id())).extracting(HostRunView::hostName, HostRunView::state).containsExactly(
                tuple(done, HostRunState.DONE),
                tuple(rolledBack, HostRunState.ROLLED_BACK),
                tuple(needsAttention, HostRunState.NEEDS_ATTENTION),
                tuple(failed, HostRunState.FAILED),
                tuple(alreadyThere, HostRunState.NO_CHANGE));
        assertThat(finished.counts().failures()).isEqualTo(3);

        // In the meantime an operator puts the rolled-back host right by hand and the unreachable one comes back.
        putPorts(ids.get(1), TO);
        host(ids.get(2)).suppressRpcPortEvent(false);
        host(ids.get(3)).clearFaults();

        ChangePlan plan = Users.as("oscar", Role.OPERATOR, () -> followUps.planRetry(original.id()));
        assertThat(plan.targetPort()).isEqualTo(TO);
        assertThat(plan.hosts()).extracting(HostPlan::hostName, HostPlan::verdict).containsExactlyInAnyOrder(
                tuple(rolledBack, HostPlan.Verdict.NO_CHANGE),
                tuple(needsAttention, HostPlan.Verdict.NO_CHANGE),
                tuple(failed, HostPlan.Verdict.CHANGE));
        assertThat(host(ids.get(3)).calConWrites()).as("planning writes nothing").isZero();

        ChangeSummary retry = retry(original.id());
        assertThat(retry.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(retry.retryOf()).isEqualTo(original.id());
        assertThat(retry.rollbackOf()).isNull();
        assertThat(retry.reason()).isEqualTo("pin for the new firewall rule");
        assertThat(retry.ticket()).isEqualTo("CHG-31");
        assertThat(retry.targetPort()).isEqualTo(TO);
        assertThat(retry.counts().total()).isEqualTo(3);
        assertThat(retry.counts().pending()).isEqualTo(1);
        assertThat(retry.counts().noChange()).isEqualTo(2);
        assertThat(rollout(original.id()).retries()).containsExactly(retry.id());
        assertThat(rollout(original.id()).retryOf()).isNull();

        approve(retry.id());
        assertThat(awaitFinished(retry.id()).state()).isEqualTo(ChangeState.DONE);
        assertThat(run(retry.id(), failed).state()).isEqualTo(HostRunState.DONE);
        assertThat(RolloutEndToEndTest.ports(host(ids.get(3)))).containsExactly(TO, TO);
        assertThat(host(ids.getFirst()).calConWrites()).as("the host that took the change is left alone").isEqualTo(1);
        assertThat(host(ids.get(1)).calConWrites()).as("write and restore of the original only").isEqualTo(2);

        List<AuditEntry> requested = Users.as("auditor", Role.AUDITOR,
                () -> audit.historyOf("change:" + retry.id(), 10)).stream()
                .filter(e -> e.getAction() == AuditAction.PORT_CHANGE_REQUESTED).toList();
        assertThat(requested).singleElement().satisfies(entry -> {
            assertThat(entry.getActor()).isEqualTo("oscar");
            assertThat(Rendered.stored(entry.getAfter()).code()).isEqualTo("rollout.audit.requested-with");
            assertThat(Rendered.english(entry.getAfter()))
                    .contains("port " + TO + " on 3 servers: 1 to change, 2 no change")
                    .contains("retry of the failed hosts of change #" + original.id());
            assertThat(entry.getReason()).isEqualTo("pin for the new firewall rule");
        });
    }

    @Test
    void the_retry_needs_the_approval_of_another_person() {
        List<Long> ids = servers("RTA", 2, FROM);
        host(ids.getFirst()).failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary original = submit(draft(ids, TO + 1));
        approve(original.id());
        assertThat(awaitFinished(original.id()).counts().rolledBack()).isEqualTo(1);

        ChangeSummary retry = Users.as("olivia", Role.OPERATOR, () -> followUps.submitRetry(original.id()));

        assertThat(retry.requestedBy()).isEqualTo("olivia");
        assertThatThrownBy(() -> Users.as("olivia", Role.ADMIN, () -> changes.approve(retry.id(), "mine")))
                .isInstanceOfSatisfying(ChangeRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("rollout.approve.own"));
        assertThat(host(ids.getFirst()).calConWrites()).as("write and restore of the original only").isEqualTo(2);
        assertThat(Users.as("oscar", Role.OPERATOR, () -> changes.approve(retry.id(), "seen it")).decidedBy())
                .isEqualTo("oscar");
        assertThat(awaitFinished(retry.id()).counts().done()).isEqualTo(1);
        assertThat(RolloutEndToEndTest.ports(host(ids.getFirst()))).containsExactly(TO + 1, TO + 1);
    }

    @Test
    void a_rollout_is_not_retried_while_it_runs_nor_when_no_host_failed() {
        List<Long> ids = servers("RTR", 1, FROM);
        simulated.useRunbookFor("DOM-RTR-0001");
        ChangeSummary submitted = submit(draft(ids, TO + 2));
        assertThatThrownBy(() -> retry(submitted.id())).isInstanceOfSatisfying(ChangeRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("rollout.retry.not-finished"));
        approve(submitted.id());
        assertThat(awaitFinished(submitted.id()).state()).as("waiting for the Domino runbook")
                .isEqualTo(ChangeState.RUNNING);

        assertThatThrownBy(() -> retry(submitted.id())).isInstanceOfSatisfying(ChangeRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("rollout.retry.not-finished"));

        Users.as("oscar", Role.OPERATOR, () -> rollouts.confirmDomino(run(submitted.id(), name("RTR", 1)).id(),
                "typed"));
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        assertThatThrownBy(() -> retry(submitted.id())).isInstanceOfSatisfying(ChangeRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("rollout.retry.nothing"));
        assertThatThrownBy(() -> retry(999_999)).isInstanceOfSatisfying(ChangeRefusedException.class,
                e -> assertThat(e.messageKey()).isEqualTo("rollout.change.unknown"));
    }

    private void putPorts(long serverId, int port) {
        host(serverId).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                RegistryValue.dword(port));
        host(serverId).putRegistryValue(CalConRegistry.PARAMETERS_KEY, CalConRegistry.NOTES_SIDE_PORT_VALUE,
                RegistryValue.dword(port));
    }
}
