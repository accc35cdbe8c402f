package org.calconfleet.rollout.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.change.ChangePlan;
import org.calconfleet.change.ChangeRefusedException;
import org.calconfleet.change.ChangeRequest;
import org.calconfleet.change.ChangeService;
import org.calconfleet.change.ChangeState;
import org.calconfleet.change.ChangeSummary;
import org.calconfleet.change.ui.ChangePlanView;
import org.calconfleet.change.ui.RefusalNotice;
import org.calconfleet.i18n.Messages;
import org.calconfleet.rollout.FollowUps;
import org.calconfleet.rollout.RolloutService;

/**
 * What a user who may act can do with one rollout, as its state allows: approve or reject it (not their own), cancel
 * it, roll it back, retry its failed hosts. Each asks for confirmation first where it changes hosts.
 */
class RolloutActions extends HorizontalLayout {

    private final RolloutService rollouts;
    private final ChangeService changes;
    private final FollowUps followUps;
    private final Messages messages;
    private final Consumer<ChangeSummary> acted;

    RolloutActions(ChangeSummary change, RolloutService rollouts, ChangeService changes, FollowUps followUps,
                   Messages messages, Consumer<ChangeSummary> acted) {
        this.rollouts = rollouts;
        this.changes = changes;
        this.followUps = followUps;
        this.messages = messages;
        this.acted = acted;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        boolean ownChange = CurrentUser.username().map(change.requestedBy()::equals).orElse(false);
        if (change.state() == ChangeState.PENDING_APPROVAL && !ownChange) {
            TextField comment = new TextField();
            comment.setPlaceholder(getTranslation("jobs.comment"));
            comment.setAriaLabel(getTranslation("jobs.comment"));
            comment.setId("job-comment");
            comment.setMaxLength(ChangeRequest.COMMENT_MAX_LENGTH);
            Button approve = new Button(getTranslation("jobs.approve"), click -> act(() ->
                    changes.approve(change.id(), comment.getValue()), "jobs.approved"));
            approve.setId("job-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            Button reject = new Button(getTranslation("jobs.reject"), click -> act(() ->
                    changes.reject(change.id(), comment.getValue()), "jobs.rejected"));
            reject.setId("job-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            add(comment, approve, reject);
        }
        if (change.state().isActive() && !change.cancelRequested()) {
            Button cancel = new Button(getTranslation("jobs.cancel"), click -> confirmCancel(change));
            cancel.setId("job-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            add(cancel);
        }
        if (change.state().isFinished() && change.state() != ChangeState.REJECTED && change.rollbackOf() == null) {
            Button rollback = new Button(getTranslation("jobs.rollback"), click -> confirmRollback(change));
            rollback.setId("job-rollback");
            add(rollback);
        }
        if (change.state().isFinished() && change.counts().failures() > 0) {
            Button retry = new Button(getTranslation("jobs.retryFailed", change.counts().failures()),
                    click -> confirmRetry(change));
            retry.setId("job-retry-failed");
            add(retry);
        }
    }

    /** Plans the retry from the hosts as they are now and shows that plan; only a confirmation submits it. */
    private void confirmRetry(ChangeSummary change) {
        ChangePlan plan;
        try {
            plan = followUps.planRetry(change.id());
        } catch (ChangeRefusedException e) {
            RefusalNotice.show(messages, e, getLocale());
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("jobs.retry.title", change.id()));
        dialog.setText(new Div(new Paragraph(getTranslation("jobs.retry.text", plan.hosts().size())),
                new ChangePlanView(plan, "job-retry")));
        // As in the wizard, a plan in which no host would change cannot be submitted.
        Button submit = new Button(getTranslation("jobs.retry.submit"), click -> {
            dialog.close();
            act(() -> followUps.submitRetry(change.id()), "jobs.retrySubmitted");
        });
        submit.setId("job-retry-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(plan.changes() > 0);
        dialog.setConfirmButton(submit);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("fleet.editor.cancel"));
        dialog.setWidth("min(64rem, 95vw)");
        dialog.setId("job-retry-dialog");
        dialog.open();
    }

    // The reasons are the user's own words (a rollback's offered, to keep or change): what is stored carries no text
    // of the console's, in one reader's language, for readers of another.
    private void confirmCancel(ChangeSummary change) {
        TextField reason = reasonField("job-cancel-reason", "jobs.cancel.reason", "");
        confirm("job-cancel-dialog", getTranslation("jobs.cancel.title", change.id()),
                new Div(new Paragraph(getTranslation("jobs.cancel.text", change.counts().unfinished())), reason),
                () -> act(() -> rollouts.cancel(change.id(), reason.getValue()), "jobs.cancelled"));
    }

    private void confirmRollback(ChangeSummary change) {
        TextField reason = reasonField("job-rollback-reason", "jobs.rollback.reasonLabel",
                getTranslation("jobs.rollback.reason", change.id()));
        reason.setMaxLength(ChangeRequest.REASON_MAX_LENGTH);
        confirm("job-rollback-dialog", getTranslation("jobs.rollback.title", change.id()),
                new Div(new Paragraph(getTranslation("jobs.rollback.text", change.counts().done())), reason),
                () -> act(() -> followUps.submitRollback(change.id(), reason.getValue(), change.ticket()),
                        "jobs.rollbackSubmitted"));
    }

    private TextField reasonField(String id, String labelKey, String offered) {
        TextField reason = new TextField(getTranslation(labelKey), offered, "");
        reason.setId(id);
        reason.setWidthFull();
        return reason;
    }

    private void confirm(String id, String header, Component text, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setConfirmText(getTranslation("jobs.confirm"));
        dialog.addConfirmListener(e -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("fleet.editor.cancel"));
        dialog.open();
    }

    private void act(Supplier<ChangeSummary> action, String doneKey) {
        try {
            ChangeSummary result = action.get();
            Notification.show(getTranslation(doneKey, result.id())).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            acted.accept(result);
        } catch (ChangeRefusedException e) {
            RefusalNotice.show(messages, e, getLocale());
        }
    }
}
