package org.calconfleet.policy.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.policy.FleetPolicy;
import org.calconfleet.policy.Parsed;
import org.calconfleet.policy.PendingPolicyChange;
import org.calconfleet.policy.PolicyChange;
import org.calconfleet.policy.PolicyDraft;
import org.calconfleet.policy.PolicyField;
import org.calconfleet.policy.PolicyProposalException;
import org.calconfleet.policy.PolicyRefusal;
import org.calconfleet.policy.PolicyRefusedException;
import org.calconfleet.policy.PolicyRevision;
import org.calconfleet.policy.PolicyService;
import org.calconfleet.policy.PolicyText;
import org.calconfleet.policy.PolicyUpdate;
import org.calconfleet.policy.StalePolicyException;
import org.calconfleet.port.FirewallPlan;
import org.calconfleet.port.PortScope;
import org.calconfleet.port.Refusal;
import org.calconfleet.ui.MainLayout;
import org.calconfleet.ui.UserTime;

@Route(value = "policy", layout = MainLayout.class)
@Menu(title = "nav.policy", order = 70, icon = "vaadin:sliders")
@RolesAllowed(Role.ADMIN_NAME)
class PolicyView extends VerticalLayout implements HasDynamicTitle {

    private final PolicyService policies;
    private final Messages messages;
    private final Binder<PolicyForm> binder = new Binder<>();
    private final Map<PolicyField, HasValidation> fields = new EnumMap<>(PolicyField.class);

    private final TextField allowedRanges = new TextField();
    private final TextField reservedPorts = new TextField();
    private final Checkbox dynamicAllowed = new Checkbox();
    private final RadioButtonGroup<PortScope> scope = new RadioButtonGroup<>();
    private final Checkbox approvalRequired = new Checkbox();
    private final IntegerField driftScanMinutes = new IntegerField();
    private final TextArea notifyAddresses = new TextArea();
    private final TextArea reason = new TextArea();
    private final Span lastChanged = new Span();
    private final Div meaning = new Div();
    private final Div pending = new Div();

    private PolicyRevision loaded;

    PolicyView(PolicyService policies, List<PolicyPanel> panels, Messages messages) {
        this.policies = policies;
        this.messages = messages;
        addClassName("policy-view");
        setMaxWidth("60rem");

        configureFields();
        bindFields();

        Button save = new Button(getTranslation("policy.save"), VaadinIcon.CHECK.create(), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("policy-save");
        Button discard = new Button(getTranslation("policy.discard"), VaadinIcon.REFRESH.create(),
                click -> load(policies.revision()));
        discard.setId("policy-discard");
        lastChanged.setId("policy-last-changed");
        lastChanged.addClassName("policy-last-changed");

        FormLayout form = new FormLayout(allowedRanges, reservedPorts, scope, driftScanMinutes, dynamicAllowed,
                approvalRequired, notifyAddresses, reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 2));
        form.setColspan(notifyAddresses, 2);
        form.setColspan(reason, 2);

        meaning.setId("policy-meaning");
        meaning.addClassName("policy-meaning");

        pending.setId("policy-pending");
        pending.addClassName("policy-pending");

        add(new Paragraph(getTranslation("policy.intro")), lastChanged, pending, form,
                new HorizontalLayout(save, discard), meaning);
        panels.forEach(panel -> add(panel.create()));
        this.loaded = policies.revision();
        load(loaded);
    }

    private void configureFields() {
        allowedRanges.setLabel(getTranslation(PolicyField.ALLOWED_RANGES.messageKey()));
        allowedRanges.setHelperText(getTranslation("policy.help.allowedRanges"));
        allowedRanges.setId("policy-allowed-ranges");
        allowedRanges.setRequiredIndicatorVisible(true);
        reservedPorts.setLabel(getTranslation(PolicyField.RESERVED_PORTS.messageKey()));
        reservedPorts.setHelperText(getTranslation("policy.help.reservedPorts"));
        reservedPorts.setId("policy-reserved-ports");
        dynamicAllowed.setLabel(getTranslation(PolicyField.DYNAMIC_ALLOWED.messageKey()));
        dynamicAllowed.setId("policy-dynamic-allowed");
        scope.setLabel(getTranslation(PolicyField.SCOPE.messageKey()));
        scope.setItems(PortScope.values());
        scope.setItemLabelGenerator(value -> getTranslation(value.messageKey()));
        scope.setId("policy-scope");
        approvalRequired.setLabel(getTranslation(PolicyField.APPROVAL_REQUIRED.messageKey()));
        approvalRequired.setId("policy-approval-required");
        driftScanMinutes.setLabel(getTranslation(PolicyField.DRIFT_SCAN_INTERVAL.messageKey()));
        driftScanMinutes.setHelperText(getTranslation("policy.help.driftScanMinutes"));
        driftScanMinutes.setSuffixComponent(new Span(getTranslation("policy.unit.minutes")));
        driftScanMinutes.setStepButtonsVisible(true);
        driftScanMinutes.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage(getTranslation("policy.error.notANumber")));
        driftScanMinutes.setId("policy-drift-scan-minutes");
        driftScanMinutes.setRequiredIndicatorVisible(true);
        notifyAddresses.setLabel(getTranslation(PolicyField.NOTIFY_ADDRESSES.messageKey()));
        notifyAddresses.setHelperText(getTranslation("policy.help.notifyAddresses"));
        notifyAddresses.setId("policy-notify-addresses");
        reason.setLabel(getTranslation(PolicyField.REASON.messageKey()));
        reason.setHelperText(getTranslation("policy.help.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(PolicyText.MAX_REASON_LENGTH);
        reason.setId("policy-reason");

        fields.put(PolicyField.ALLOWED_RANGES, allowedRanges);
        fields.put(PolicyField.RESERVED_PORTS, reservedPorts);
        fields.put(PolicyField.DYNAMIC_ALLOWED, dynamicAllowed);
        fields.put(PolicyField.SCOPE, scope);
        fields.put(PolicyField.APPROVAL_REQUIRED, approvalRequired);
        fields.put(PolicyField.DRIFT_SCAN_INTERVAL, driftScanMinutes);
        fields.put(PolicyField.NOTIFY_ADDRESSES, notifyAddresses);
        fields.put(PolicyField.REASON, reason);
    }

    private void bindFields() {
        binder.forField(allowedRanges).withValidator(refusing(text -> PolicyText.ranges(text).refusals()))
                .bind(PolicyForm::getAllowedRanges, PolicyForm::setAllowedRanges);
        binder.forField(reservedPorts).withValidator(refusing(text -> PolicyText.reservedPorts(text).refusals()))
                .bind(PolicyForm::getReservedPorts, PolicyForm::setReservedPorts);
        binder.forField(dynamicAllowed).bind(PolicyForm::isDynamicAllowed, PolicyForm::setDynamicAllowed);
        binder.forField(scope).asRequired().bind(PolicyForm::getScope, PolicyForm::setScope);
        binder.forField(approvalRequired).bind(PolicyForm::isApprovalRequired, PolicyForm::setApprovalRequired);
        binder.forField(driftScanMinutes).withValidator(refusing(PolicyText::driftScanMinutes))
                .bind(PolicyForm::getDriftScanMinutes, PolicyForm::setDriftScanMinutes);
        binder.forField(notifyAddresses).withValidator(refusing(text -> PolicyText.addresses(text).refusals()))
                .bind(PolicyForm::getNotifyAddresses, PolicyForm::setNotifyAddresses);
        binder.forField(reason).withValidator(refusing(PolicyText::reason))
                .bind(PolicyForm::getReason, PolicyForm::setReason);
        binder.addValueChangeListener(change -> showMeaning());
    }

    private <T> Validator<T> refusing(Function<T, List<PolicyRefusal>> rules) {
        return (value, context) -> {
            List<PolicyRefusal> refusals = rules.apply(value);
            return refusals.isEmpty() ? ValidationResult.ok() : ValidationResult.error(translate(refusals));
        };
    }

    private String translate(List<? extends Refusal> refusals) {
        return refusals.stream()
                .map(refusal -> getTranslation(refusal.messageKey(), refusal.arguments().toArray()))
                .collect(Collectors.joining("; "));
    }

    private void load(PolicyRevision revision) {
        this.loaded = revision;
        binder.readBean(PolicyForm.of(PolicyDraft.of(revision.policy())));
        lastChanged.setText(getTranslation("policy.lastChanged", String.valueOf(revision.version()),
                revision.updatedBy(), format(revision.updatedAt())));
        showMeaning();
        showPending();
    }

    private void save() {
        PolicyForm form = new PolicyForm();
        if (!binder.writeBeanIfValid(form)) {
            warn(getTranslation("policy.refused"));
            return;
        }
        Parsed<FleetPolicy> parsed = form.draft().parse();
        if (!parsed.isValid()) {
            showRefusals(parsed.refusals());
            return;
        }
        FleetPolicy edited = parsed.orElseThrow();
        List<PolicyChange> changes = loaded.policy().changesTo(edited);
        if (changes.isEmpty()) {
            Notification.show(getTranslation("policy.unchanged"));
            return;
        }
        confirm(edited, changes, form.getReason());
    }

    private UnorderedList changeList(List<PolicyChange> changes) {
        UnorderedList list = new UnorderedList();
        for (PolicyChange change : changes) {
            list.add(new ListItem(messages.render(StoredMessage.of("policy.confirm.change",
                    new StoredMessage.Choice(change.field().messageKey()), PolicyChange.value(change.field(),
                            change.before()), PolicyChange.value(change.field(), change.after())),
                    getLocale(), UserTime.zone())));
        }
        return list;
    }

    private void confirm(FleetPolicy edited, List<PolicyChange> changes, String why) {
        Set<PolicyField> loosened = loaded.policy().loosenings(edited);
        Div text = new Div(new Paragraph(getTranslation("policy.confirm.intro")), changeList(changes),
                new Paragraph(getTranslation("policy.confirm.reason", why.strip())));
        if (!loosened.isEmpty()) {
            text.add(new Paragraph(getTranslation("policy.confirm.loosens", labels(loosened))));
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("policy-confirm");
        dialog.setHeader(getTranslation("policy.confirm.header"));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("policy.confirm.cancel"));
        dialog.setConfirmText(getTranslation("policy.confirm.save"));
        dialog.addConfirmListener(event -> store(edited, changes, why));
        dialog.open();
    }

    private void store(FleetPolicy edited, List<PolicyChange> changes, String why) {
        try {
            PolicyUpdate update = policies.update(edited, loaded.version(), why);
            load(policies.revision());
            PendingPolicyChange proposal = update.proposal();
            if (proposal != null) {
                Notification notification = Notification.show(getTranslation("policy.proposed",
                        labels(proposal.loosenings())));
                notification.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
                notification.setDuration(10_000);
            } else {
                Notification notification = Notification.show(getTranslation("policy.saved",
                        String.valueOf(update.inForce().version()),
                        labels(changes.stream().map(PolicyChange::field).toList())));
                notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
        } catch (StalePolicyException stale) {
            warn(getTranslation(stale.messageKey(), stale.changedBy(), format(stale.changedAt())));
        } catch (PolicyRefusedException refused) {
            showRefusals(refused.refusals());
        } catch (PolicyProposalException refused) {
            warn(getTranslation(refused.messageKey(), refused.arguments().toArray()));
        }
    }

    private String labels(Collection<PolicyField> settings) {
        return settings.stream().map(field -> getTranslation(field.messageKey())).collect(Collectors.joining(", "));
    }

    /** The loosening edit that waits for a second administrator, with the buttons to decide it. */
    private void showPending() {
        pending.removeAll();
        Optional<PendingPolicyChange> waiting = policies.pending();
        pending.setVisible(waiting.isPresent());
        waiting.ifPresent(proposal -> {
            boolean own = CurrentUser.username().filter(proposal.proposedBy()::equals).isPresent();
            TextField comment = new TextField(getTranslation("policy.proposal.comment"));
            comment.setId("policy-proposal-comment");
            comment.setWidthFull();
            Button confirm = new Button(getTranslation("policy.proposal.confirm"), VaadinIcon.CHECK.create(),
                    click -> decide(() -> policies.confirm(proposal.id()), "policy.proposal.confirmed"));
            confirm.setId("policy-proposal-confirm");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setEnabled(!own);
            Button reject = new Button(getTranslation("policy.proposal.reject"), VaadinIcon.CLOSE.create(),
                    click -> decide(() -> policies.reject(proposal.id(), comment.getValue()),
                            "policy.proposal.rejected"));
            reject.setId("policy-proposal-reject");
            pending.add(new H3(getTranslation("policy.proposal.title")),
                    new Paragraph(getTranslation("policy.proposal.by", proposal.proposedBy(),
                            format(proposal.proposedAt()), proposal.reason(), labels(proposal.loosenings()))),
                    changeList(proposal.changes()),
                    new Paragraph(getTranslation(own ? "policy.proposal.own" : "policy.proposal.yours")),
                    comment, new HorizontalLayout(confirm, reject));
        });
    }

    private void decide(Runnable decision, String doneKey) {
        try {
            decision.run();
            Notification.show(getTranslation(doneKey)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PolicyProposalException refused) {
            warn(getTranslation(refused.messageKey(), refused.arguments().toArray()));
        } catch (PolicyRefusedException refused) {
            warn(translate(refused.refusals()));
        }
        load(policies.revision());
    }

    private void showRefusals(List<PolicyRefusal> refusals) {
        Set<PolicyField> refusedFields = refusals.stream().map(PolicyRefusal::field).collect(Collectors.toSet());
        for (PolicyField field : refusedFields) {
            HasValidation component = fields.get(field);
            component.setErrorMessage(translate(refusals.stream().filter(r -> r.field() == field).toList()));
            component.setInvalid(true);
        }
        warn(getTranslation("policy.refused"));
    }

    private void warn(String message) {
        Notification notification = Notification.show(message);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setDuration(10_000);
    }

    private void showMeaning() {
        meaning.removeAll();
        meaning.add(new H3(getTranslation("policy.meaning.title")));
        PolicyForm form = new PolicyForm();
        binder.writeBeanAsDraft(form, true);
        Parsed<FleetPolicy> parsed = form.draft().parse();
        if (!parsed.isValid()) {
            meaning.add(new Paragraph(getTranslation("policy.meaning.invalid")));
            return;
        }
        FleetPolicy policy = parsed.orElseThrow();
        meaning.add(new Paragraph(policy.ports().suggest(Set.of())
                .map(port -> getTranslation("policy.meaning.suggestion", port.text()))
                .orElseGet(() -> getTranslation("policy.meaning.noSuggestion"))));
        meaning.add(new Paragraph(policy.ports().dynamicAllowed()
                ? getTranslation("policy.meaning.dynamicAllowed", FirewallPlan.ENDPOINT_MAPPER_PORT,
                        FirewallPlan.DYNAMIC_RPC_PORTS.text())
                : getTranslation("policy.meaning.dynamicRefused", FirewallPlan.ENDPOINT_MAPPER_PORT)));
        meaning.add(new Paragraph(getTranslation("policy.meaning.scope",
                getTranslation(policy.ports().scope().messageKey()))));
        meaning.add(new Paragraph(getTranslation(policy.approvalRequired()
                ? "policy.meaning.approvalRequired" : "policy.meaning.approvalNotRequired")));
        meaning.add(new Paragraph(getTranslation("policy.meaning.drift", String.valueOf(policy.driftScanMinutes()))));
        meaning.add(new Paragraph(policy.notifyAddresses().isEmpty()
                ? getTranslation("policy.meaning.notifyNone")
                : getTranslation("policy.meaning.notify", String.join(", ", policy.notifyAddresses()))));
    }

    private String format(Instant when) {
        return UserTime.dateTime(FormatStyle.MEDIUM, getLocale()).format(when);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.policy");
    }
}
