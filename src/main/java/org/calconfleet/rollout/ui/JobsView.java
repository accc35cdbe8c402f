package org.calconfleet.rollout.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.calconfleet.access.Role;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.RolloutCounts;
import org.calconfleet.change.RolloutWait;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.FollowUps;
import org.calconfleet.rollout.HostRunState;
import org.calconfleet.rollout.HostRunView;
import org.calconfleet.rollout.RolloutService;
import org.calconfleet.ui.FirewallDownloads;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;
import org.calconfleet.window.WaitReason;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Every rollout with its progress; one rollout's hosts, updated live while the view is open. The hosts come page by
 * page from the database (a rollout may have tens of thousands), optionally only those in one state; pushed progress
 * refreshes what is shown at most {@link #LIVE_REFRESHES_PER_SECOND} times a second, however many hosts step.
 */
@Route(value = "jobs", layout = MainLayout.class)
@Menu(title = "nav.jobs", order = 30, icon = "vaadin:tasks")
@PermitAll
public class JobsView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final int LIVE_REFRESHES_PER_SECOND = 2;

    private final RolloutService rollouts;
    private final ChangeService changes;
    private final FollowUps followUps;
    private final Messages messages;
    private final RolloutBroadcaster broadcaster;
    private final boolean mayAct;
    final Grid<ChangeSummary> list = new Grid<>();
    private final Div detail = new Div();
    final HostRunGrid hosts;
    final Select<HostRunState> hostFilter;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile long lastLiveRefresh;
    private @Nullable Long selected;
    private @Nullable ShownRollout shown;
    private @Nullable Runnable unregister;

    JobsView(RolloutService rollouts, ChangeService changes, FollowUps followUps, RolloutBroadcaster broadcaster, Messages messages,
             AuthenticationContext authentication) {
        this.rollouts = rollouts;
        this.changes = changes;
        this.followUps = followUps;
        this.broadcaster = broadcaster;
        this.messages = messages;
        this.mayAct = authentication.hasAnyRole(Role.ADMIN_NAME, Role.OPERATOR_NAME);
        setSizeFull();
        this.hosts = new HostRunGrid(rollouts, messages, mayAct, this::refresh);
        this.hostFilter = hosts.filter;
        configureList();
        detail.setWidthFull();
        detail.setId("job-detail");
        add(list, detail);
        // The list keeps its own height: it shrank to one row beside a long host grid and filled the page when empty.
        setFlexGrow(0, list);
        setFlexShrink(0, list);
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter Long id) {
        selected = id;
        refresh();
    }

    /** The parts of the shown rollout that a live refresh updates in place. */
    private record ShownRollout(ChangeState state, boolean cancelRequested, @Nullable RolloutWait waiting,
                                RolloutProgress bar, Span counts) {
    }

    private void configureList() {
        list.setItems(query -> rollouts.rollouts(PageRequest.of(query.getPage(), query.getPageSize(),
                Sort.by(Sort.Direction.DESC, "id"))).stream());
        DateTimeFormatter format = formatter();
        list.addColumn(ChangeSummary::id).setHeader("#").setAutoWidth(true);
        list.addColumn(c -> c.waiting() == null ? getTranslation(c.state().messageKey())
                        : getTranslation("jobs.state.waiting", getTranslation(c.state().messageKey()),
                                format.format(c.waiting().until())))
                .setHeader(getTranslation("jobs.state")).setAutoWidth(true)
                .setTooltipGenerator(c -> c.waiting() == null ? "" : waitingText(c.waiting()));
        list.addColumn(c -> c.targetPort() == null ? "—" : String.valueOf(c.targetPort()))
                .setHeader(getTranslation("jobs.port")).setAutoWidth(true).setFlexGrow(0);
        list.addColumn(new ComponentRenderer<>(c -> new RolloutProgress(c.counts())))
                .setHeader(getTranslation("jobs.progress")).setWidth("9rem").setFlexGrow(0);
        // The counts wrap rather than being cut (they are wider than a column); the reason is whole in a tooltip too.
        list.addColumn(c -> counts(c.counts())).setHeader(getTranslation("jobs.counts")).setWidth("12rem")
                .setFlexGrow(3).setTooltipGenerator(c -> counts(c.counts()));
        list.addColumn(ChangeSummary::requestedBy).setHeader(getTranslation("jobs.requestedBy")).setAutoWidth(true);
        list.addColumn(c -> format.format(c.requestedAt())).setHeader(getTranslation("jobs.requestedAt"))
                .setAutoWidth(true);
        list.addColumn(ChangeSummary::reason).setHeader(getTranslation("wizard.reason"))
                .setTooltipGenerator(ChangeSummary::reason);
        list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES,
                GridVariant.LUMO_WRAP_CELL_CONTENT);
        list.setHeight("16rem");
        list.setId("jobs-list");
        list.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(JobsView.class, click.getItem().id())));
    }

    private String waitingText(RolloutWait waiting) {
        return getTranslation(waiting.reason() == WaitReason.FREEZE ? "jobs.waiting.freeze" : "jobs.waiting.window",
                waiting.site(), formatter().format(waiting.until()));
    }

    private String counts(RolloutCounts c) {
        return getTranslation("jobs.countsText", c.done(), c.noChange(), c.failed(), c.rolledBack(), c.unfinished(),
                c.needsAttention(), c.unverifiable());
    }

    private void refresh() {
        list.getDataProvider().refreshAll();
        detail.removeAll();
        shown = null;
        if (selected == null) {
            detail.add(new Paragraph(getTranslation("jobs.pick")));
            return;
        }
        rollouts.rollout(selected).ifPresentOrElse(this::showDetail,
                () -> detail.add(new Paragraph(getTranslation("jobs.notFound"))));
    }

    private void showDetail(ChangeSummary change) {
        H3 title = new H3(getTranslation("jobs.title", change.id(), getTranslation(change.state().messageKey())));
        title.setId("job-title");
        RolloutProgress bar = new RolloutProgress(change.counts());
        bar.setId("job-progress");
        Span counts = new Span(counts(change.counts()));
        counts.setId("job-counts");
        Component actions = mayAct ? new RolloutActions(change, rollouts, changes, followUps, messages, this::acted)
                : new Div();
        Paragraph facts = new Paragraph(getTranslation("jobs.facts", change.requestedBy(), change.reason(),
                change.ticket() == null ? "—" : change.ticket(), change.decidedBy() == null ? "—" : change.decidedBy(),
                change.decisionComment() == null || change.decisionComment().isBlank() ? ""
                        : getTranslation("jobs.facts.comment", change.decisionComment())));
        facts.setId("job-facts");
        hosts.show(change.id());
        var firewall = new FirewallDownloads("job-firewall", "firewall-rollout-" + change.id(),
                () -> rollouts.firewall(change.id()).orElseThrow());
        detail.add(title, bar, counts, facts);
        RolloutWait waiting = change.waiting();
        if (waiting != null) {
            Paragraph why = new Paragraph(waitingText(waiting));
            why.setId("job-waiting");
            why.getElement().getThemeList().add("badge contrast");
            detail.add(why);
        }
        addRetryLinks(change);
        detail.add(actions, firewall, hostFilter, hosts);
        shown = new ShownRollout(change.state(), change.cancelRequested(), change.waiting(), bar, counts);
        if (change.endReason() != null) {
            Paragraph why = new Paragraph(messages.render(change.endReason(), getLocale(), UserTime.zone()));
            why.setId("job-end");
            detail.add(why);
        }
    }

    /** The rollout this one retries, and the rollouts that retried this one's failed hosts. */
    private void addRetryLinks(ChangeSummary change) {
        Long origin = change.retryOf();
        if (origin != null) {
            RouterLink link = new RouterLink(getTranslation("jobs.retryOf", origin), JobsView.class, origin);
            link.setId("job-retry-of");
            detail.add(new Paragraph(link));
        }
        if (!change.retries().isEmpty()) {
            Paragraph retries = new Paragraph(getTranslation("jobs.retries"));
            retries.setId("job-retries");
            for (Long retry : change.retries()) {
                RouterLink link = new RouterLink(getTranslation("jobs.retry.link", retry), JobsView.class, retry);
                link.setId("job-retry-" + retry);
                retries.add(new Text(" "), link);
            }
            detail.add(retries);
        }
    }

    private void acted(ChangeSummary result) {
        if (selected != null && result.id() != selected) {
            getUI().ifPresent(ui -> ui.navigate(JobsView.class, result.id()));
        } else {
            refresh();
        }
    }

    void showLog(HostRunView host) {
        hosts.showLog(host);
    }

    private DateTimeFormatter formatter() {
        return UserTime.dateTime(FormatStyle.MEDIUM, getLocale());
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        long interval = 1000 / LIVE_REFRESHES_PER_SECOND;
        Consumer<org.calconfleet.rollout.RolloutProgressEvent> listener = event -> {
            if (refreshQueued.compareAndSet(false, true)) {
                long wait = Math.max(0, lastLiveRefresh + interval - System.currentTimeMillis());
                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(() -> {
                    try {
                        ui.access(() -> {
                            refreshQueued.set(false);
                            lastLiveRefresh = System.currentTimeMillis();
                            liveRefresh();
                        });
                    } catch (UIDetachedException closed) {
                        refreshQueued.set(false);
                    }
                });
            }
        };
        unregister = broadcaster.register(listener);
    }

    /**
     * Progress was pushed: the list, the counts, the bar and the visible host rows are read again. A rollout whose
     * state or wait changed (its title, actions and the reason it waits change with it) is shown afresh.
     */
    private void liveRefresh() {
        ShownRollout before = shown;
        ChangeSummary change = selected == null || before == null ? null : rollouts.rollout(selected).orElse(null);
        if (before != null && (change == null || change.state() != before.state()
                || change.cancelRequested() != before.cancelRequested()
                || !Objects.equals(change.waiting(), before.waiting()))) {
            refresh();
            return;
        }
        list.getDataProvider().refreshAll();
        if (change != null) {
            before.bar().show(change.counts());
            before.counts().setText(counts(change.counts()));
            hosts.getDataProvider().refreshAll();
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (unregister != null) {
            unregister.run();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.jobs");
    }
}
