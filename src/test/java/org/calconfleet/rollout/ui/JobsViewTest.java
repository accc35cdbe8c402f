package org.calconfleet.rollout.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.RouterLinkKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.backend.SimulatedFleet;
import org.calconfleet.change.ChangeDraft;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.HostPlan;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.host.WindowsErrors;
import org.calconfleet.rollout.Fleets;
import org.calconfleet.rollout.HostRunLogEntry;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.rollout.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
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
    @Autowired
    SimulatedFleet simulated;
    @Autowired
    JdbcTemplate jdbc;

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
    void a_waiting_rollout_says_what_it_waits_for_and_until_when_in_the_readers_language() {
        List<Long> ids = Fleets.create(fleet, "WAIT", 1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45002,
                "in the window", null, new ChangeDraft.Waves(0, 5, 5, 0))));
        jdbc.update("update change_request set wait_reason = 'FREEZE', wait_site = 'Kyoto', wait_until = ?"
                + " where id = ?", OffsetDateTime.parse("2030-01-04T00:00:00Z"), submitted.id());
        signIn("helpdesk", Role.HELPDESK);

        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-waiting")).getText())
                .startsWith("Frozen until ").contains("2030", ": no host of site Kyoto starts during the freeze");
        Grid<ChangeSummary> list = _get(Grid.class, spec -> spec.withId("jobs-list"));
        assertThat(GridKt._getFormattedRow(list, 0)).as("the list says it too")
                .anyMatch(cell -> cell.startsWith("Waiting for approval, waiting until ") && cell.contains("2030"));

        jdbc.update("update change_request set wait_reason = 'WINDOW' where id = ?", submitted.id());
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-waiting")).getText())
                .startsWith("サイト Kyoto のメンテナンスウィンドウを待っています（2030");
    }

    @Test
    void why_a_rollout_ended_reads_in_the_readers_language_and_an_older_sentence_as_it_was_stored() {
        List<Long> ids = Fleets.create(fleet, "ENDR", 1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45003,
                "pin the lab", null, new ChangeDraft.Waves(0, 5, 5, 0))));
        Users.as("oscar", Role.OPERATOR, () -> rollouts.cancel(submitted.id(), "window moved"));
        signIn("helpdesk", Role.HELPDESK);

        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-end")).getText())
                .isEqualTo("cancelled by oscar: window moved");
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-end")).getText())
                .isEqualTo("oscar が取り消しました: window moved");

        jdbc.update("update change_request set end_reason = 'the canary failed' where id = ?", submitted.id());
        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-end")).getText()).isEqualTo("the canary failed");
    }

    @Test
    void a_cancel_from_the_jobs_view_keeps_the_reason_the_user_typed_or_none_and_adds_no_words_of_its_own() {
        List<Long> ids = Fleets.create(fleet, "CNCL", 2);
        ChangeSummary typed = scheduledIn2030(ids.getFirst(), 45004);
        ChangeSummary blank = scheduledIn2030(ids.getLast(), 45005);
        signIn("oscar", Role.OPERATOR);
        UI.getCurrent().setLocale(Locale.JAPANESE);

        cancelFromTheJobsView(typed.id(), "窓口が変わった");
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-end")).getText())
                .isEqualTo("oscar が取り消しました: 窓口が変わった");
        cancelFromTheJobsView(blank.id(), "  ");
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-end")).getText()).isEqualTo("oscar が取り消しました");
    }

    @Test
    void a_rollback_from_the_jobs_view_offers_a_reason_in_the_users_language_and_keeps_what_they_confirmed() {
        ChangeSummary submitted = doneRollout("RBCK", 45006, "CHG-6");
        signIn("oscar", Role.OPERATOR);
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate(JobsView.class, submitted.id());

        ButtonKt._click(_get(Button.class, spec -> spec.withId("job-rollback")));
        TextField reason = _get(TextField.class, spec -> spec.withId("job-rollback-reason"));
        assertThat(reason.getValue()).isEqualTo("展開 #%d のロールバック".formatted(submitted.id()));
        reason.setValue("Domino 側がポート 45006 に未対応");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("job-rollback-dialog")));

        ChangeSummary rollback = Users.as("helpdesk", Role.HELPDESK, () -> rollouts.rollouts(Pageable.ofSize(1))
                .getContent().getFirst());
        assertThat(rollback.rollbackOf()).isEqualTo(submitted.id());
        assertThat(rollback.reason()).isEqualTo("Domino 側がポート 45006 に未対応");
        assertThat(rollback.ticket()).isEqualTo("CHG-6");
    }

    private ChangeSummary scheduledIn2030(long serverId, int port) {
        ChangeDraft.Schedule window = ChangeDraft.Schedule.window(Instant.parse("2030-01-07T01:00:00Z"),
                Instant.parse("2030-01-07T03:00:00Z"));
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(new ChangeDraft(
                List.of(serverId), port, "pin the lab", null, window, new ChangeDraft.Waves(0, 5, 5, 0))));
        return Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "fine"));
    }

    private void cancelFromTheJobsView(long changeId, String reason) {
        UI.getCurrent().navigate(JobsView.class, changeId);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("job-cancel")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("展開 #%d を取り消しますか?".formatted(changeId));
        _get(TextField.class, spec -> spec.withId("job-cancel-reason")).setValue(reason);
        ConfirmDialogKt._fireConfirm(dialog);
        UI.getCurrent().navigate(JobsView.class, changeId);
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
    void the_host_log_names_the_event_read_as_evidence() {
        ChangeSummary submitted = doneRollout("EVID", 45002, "CHG-8");
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(JobsView.class, submitted.id());
        JobsView view = _get(JobsView.class);

        view.showLog(GridKt._get(view.hosts, 0));

        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anySatisfy(text -> assertThat(text)
                .startsWith("Evidence read: source MSExchangeNotesCal, event 6001, written ")
                .endsWith(": CONFIG_NOTES_NOTES_EXCALCON_RPC_PORT : 45002"));
    }

    @Test
    void a_hosts_last_message_is_shown_in_the_readers_language() throws InterruptedException {
        List<Long> ids = Fleets.create(fleet, "LANG", 1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45002,
                "pin the lab", null, new ChangeDraft.Waves(0, 5, 5, 5))));
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "fine"));
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        signIn("helpdesk", Role.HELPDESK);

        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(lastMessageShown()).startsWith("done; EXCALCON reloaded on ");
        UI.getCurrent().setLocale(Locale.JAPANESE);
        UI.getCurrent().navigate(JobsView.class, submitted.id());
        assertThat(lastMessageShown()).startsWith("完了。").endsWith(" で EXCALCON を再読み込みしました");

        JobsView view = _get(JobsView.class);
        view.showLog(GridKt._get(view.hosts, 0));
        @SuppressWarnings("unchecked")
        Grid<HostRunLogEntry> log = _get(Grid.class, spec -> spec.withId("job-host-log"));
        assertThat(GridKt._size(log)).isGreaterThan(4);
        assertThat(GridKt._getFormattedRow(log, 1)).contains("レジストリ値の書き込み", "書き込み済み: 両方の値を書き込みました");
    }

    private static String lastMessageShown() {
        JobsView view = _get(JobsView.class);
        return GridKt._getFormatted(view.hosts.getColumns().get(4), GridKt._get(view.hosts, 0));
    }

    @Test
    void an_operator_sees_the_plan_of_the_failed_hosts_before_retrying_them_and_each_rollout_links_to_the_other()
            throws InterruptedException {
        List<Long> ids = Fleets.create(fleet, "RETRY", 2);
        simulated.host(Users.as("admin", Role.ADMIN, () -> fleet.find(ids.getLast()).orElseThrow()))
                .failNextStarts(1, WindowsErrors.ERROR_PROCESS_ABORTED);
        ChangeSummary original = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, 45002,
                "pin the lab", "CHG-9", new ChangeDraft.Waves(0, 5, 5, 5))));
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(original.id(), "fine"));
        assertThat(awaitFinished(original.id()).counts().rolledBack()).isEqualTo(1);
        signIn("helpdesk", Role.HELPDESK);
        UI.getCurrent().navigate(JobsView.class, original.id());
        assertThat(_find(Button.class, spec -> spec.withId("job-retry-failed"))).as("helpdesk").isEmpty();
        MockVaadin.tearDown();

        signIn("oscar", Role.OPERATOR);
        UI.getCurrent().navigate(JobsView.class, original.id());
        Button retry = _get(Button.class, spec -> spec.withId("job-retry-failed"));
        assertThat(retry.getText()).isEqualTo("Retry the failed hosts (1)");
        ButtonKt._click(retry);

        ConfirmDialog dialog = _get(ConfirmDialog.class, spec -> spec.withId("job-retry-dialog"));
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Retry the failed hosts of rollout #%d?"
                .formatted(original.id()));
        assertThat(_get(Paragraph.class, spec -> spec.withId("job-retry-summary")).getText())
                .startsWith("1 will change, 0 already there (skipped), 0 blocked");
        @SuppressWarnings("unchecked")
        Grid<HostPlan> plan = _get(Grid.class, spec -> spec.withId("job-retry-plan-hosts"));
        assertThat(GridKt._size(plan)).isEqualTo(1);
        assertThat(GridKt._get(plan, 0).hostName()).isEqualTo("RETRY-0002");
        assertThat(GridKt._getFormatted(plan.getColumns().get(1), GridKt._get(plan, 0))).isEqualTo("Will change");
        assertThat(Users.as("helpdesk", Role.HELPDESK, () -> rollouts.rollouts(Pageable.ofSize(1)).getContent()
                .getFirst().id())).as("nothing is submitted before the confirmation").isEqualTo(original.id());
        ButtonKt._click(_get(Button.class, spec -> spec.withId("job-retry-submit")));

        ChangeSummary submitted = Users.as("helpdesk", Role.HELPDESK, () -> rollouts.rollouts(Pageable.ofSize(1))
                .getContent().getFirst());
        assertThat(submitted.retryOf()).isEqualTo(original.id());
        assertThat(submitted.state()).isEqualTo(ChangeState.PENDING_APPROVAL);
        assertThat(_get(H3.class, spec -> spec.withId("job-title")).getText())
                .isEqualTo("Rollout #%d: Waiting for approval".formatted(submitted.id()));
        assertThat(_find(Button.class, spec -> spec.withId("job-approve"))).as("not by its requester").isEmpty();
        RouterLink origin = _get(RouterLink.class, spec -> spec.withId("job-retry-of"));
        assertThat(origin.getText()).isEqualTo("Retries the failed hosts of rollout #" + original.id());
        assertThat(origin.getHref()).isEqualTo("jobs/" + original.id());

        RouterLinkKt._click(origin);
        assertThat(BasicUtilsKt.get_textRecursively(_get(Paragraph.class, spec -> spec.withId("job-retries"))))
                .isEqualTo("Its failed hosts were retried in: rollout #" + submitted.id());
        assertThat(_get(RouterLink.class, spec -> spec.withId("job-retry-" + submitted.id())).getHref())
                .isEqualTo("jobs/" + submitted.id());
    }

    /** A rollout to one new simulated server, requested by oscar, approved by olivia and done. */
    private ChangeSummary doneRollout(String prefix, int port, String ticket) {
        List<Long> ids = Fleets.create(fleet, prefix, 1);
        ChangeSummary submitted = Users.as("oscar", Role.OPERATOR, () -> changes.submit(ChangeDraft.now(ids, port,
                "pin the lab", ticket, new ChangeDraft.Waves(0, 5, 5, 0))));
        Users.as("olivia", Role.OPERATOR, () -> changes.approve(submitted.id(), "fine"));
        assertThat(awaitFinished(submitted.id()).state()).isEqualTo(ChangeState.DONE);
        return submitted;
    }

    private ChangeSummary awaitFinished(long rolloutId) {
        return await("rollout finished in time").atMost(Duration.ofSeconds(120))
                .until(() -> Users.as("auditor", Role.AUDITOR, () -> rollouts.rollout(rolloutId).orElseThrow()),
                        rollout -> rollout.state().isFinished());
    }
}
