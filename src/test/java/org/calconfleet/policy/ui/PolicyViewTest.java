package org.calconfleet.policy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.calconfleet.KaribuSpringTest;
import org.calconfleet.access.Role;
import org.calconfleet.policy.PolicyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

class PolicyViewTest extends KaribuSpringTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PolicyService policies;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @BeforeEach
    void startFromTheDefaultPolicy() {
        jdbc.update("update port_policy set allowed_ranges = '45000-45999', reserved_ports = '', dynamic_allowed = true,"
                + " scope = 'PER_SERVER', approval_required = true, drift_scan_minutes = 15, notify_addresses = '',"
                + " version = 0, updated_by = 'system' where id = 1");
        jdbc.update("delete from policy_proposal");
        jdbc.update("delete from policy_webhook");
    }

    @Test
    void turning_approval_off_waits_until_a_second_administrator_confirms_it() {
        signIn("alice", Role.ADMIN);
        UI.getCurrent().navigate("policy");
        type(_get(Checkbox.class, spec -> spec.withId("policy-approval-required")), false);
        type(_get(TextArea.class, spec -> spec.withId("policy-reason")), "CHG-50: nights");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("policy-save")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(BasicUtilsKt.get_textRecursively(dialog)).contains("This loosens the policy");
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(notificationTexts()).containsExactly("Saved as a proposal: it loosens A port change needs a second"
                + " person's approval, so another administrator must confirm it. The policy in force is unchanged.");
        assertThat(policies.current().approvalRequired()).isTrue();
        assertThat(_get(Checkbox.class, spec -> spec.withId("policy-approval-required")).getValue()).isTrue();
        assertThat(BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withId("policy-pending"))))
                .contains("alice proposed this", "CHG-50: nights", "yes → no", "You proposed this change");
        assertThat(_get(Button.class, spec -> spec.withId("policy-proposal-confirm")).isEnabled()).isFalse();

        MockVaadin.tearDown();
        signIn("bob", Role.ADMIN);
        UI.getCurrent().navigate("policy");
        Button confirm = _get(Button.class, spec -> spec.withId("policy-proposal-confirm"));
        assertThat(confirm.isEnabled()).isTrue();
        ButtonKt._click(confirm);

        assertThat(notificationTexts()).containsExactly("The proposed change is in force.");
        assertThat(policies.current().approvalRequired()).isFalse();
        assertThat(_get(Checkbox.class, spec -> spec.withId("policy-approval-required")).getValue()).isFalse();
        assertThat(_find(Div.class, spec -> spec.withId("policy-pending"))).as("nothing waits any more").isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("policy-last-changed")).getText())
                .startsWith("Version 1, last changed by bob on ");
    }

    @Test
    void an_admin_finds_the_policy_in_the_menu_and_sees_it_with_what_it_means() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");

        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Port policy");
        assertThat(field("policy-allowed-ranges").getValue()).isEqualTo("45000-45999");
        assertThat(_get(Checkbox.class, spec -> spec.withId("policy-approval-required")).getValue()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("policy-last-changed")).getText())
                .startsWith("Version 0, last changed by system on ");
        assertThat(meaning()).contains("A server without a port yet is offered 45000")
                .contains("0 is allowed", "TCP 135 and TCP 1025-65535");
    }

    @Test
    void what_it_means_follows_the_form_before_it_is_saved() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");

        type(field("policy-reserved-ports"), "45000, 45001");
        type(_get(Checkbox.class, spec -> spec.withId("policy-dynamic-allowed")), false);

        assertThat(meaning()).contains("offered 45002", "0 is not allowed", "only TCP 135 and that server's own port");
    }

    @Test
    void an_admin_saves_after_confirming_what_changes_and_sees_the_policy_read_back() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");

        type(field("policy-allowed-ranges"), "45600, 45000-45499");
        type(_get(Checkbox.class, spec -> spec.withId("policy-dynamic-allowed")), false);
        type(_get(TextArea.class, spec -> spec.withId("policy-reason")), "CHG-42");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("policy-save")));

        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Save the port policy?");
        assertThat(_find(ListItem.class)).extracting(ListItem::getText).containsExactly(
                "Allowed port ranges: 45000-45999 → 45000-45499, 45600",
                "Allow 0 (a dynamic port chosen by the endpoint mapper): yes → no");
        assertThat(BasicUtilsKt.get_textRecursively(dialog)).contains("Reason: CHG-42");
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(notificationTexts()).containsExactly(
                "Port policy saved as version 1. Changed: Allowed port ranges, "
                        + "Allow 0 (a dynamic port chosen by the endpoint mapper).");
        assertThat(policies.current().ports().rangesText()).isEqualTo("45000-45499, 45600");
        assertThat(policies.current().ports().dynamicAllowed()).isFalse();
        assertThat(field("policy-allowed-ranges").getValue()).isEqualTo("45000-45499, 45600");
        assertThat(_get(TextArea.class, spec -> spec.withId("policy-reason")).getValue()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("policy-last-changed")).getText())
                .startsWith("Version 1, last changed by admin on ");
    }

    @Test
    void a_bad_range_is_shown_beside_its_field_and_nothing_is_offered_for_saving() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");

        TextField ranges = field("policy-allowed-ranges");
        type(ranges, "45000-45999, 46000-45000");
        type(_get(TextArea.class, spec -> spec.withId("policy-reason")), "CHG-43");

        assertThat(ranges.isInvalid()).isTrue();
        assertThat(ranges.getErrorMessage())
                .isEqualTo("\"46000-45000\" at position 14 starts above its end: write the lower port first");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("policy-save")));
        assertThat(_find(ConfirmDialog.class)).isEmpty();
        assertThat(notificationTexts()).containsExactly("Not saved: correct the marked fields.");
        assertThat(policies.revision().version()).isZero();
    }

    @Test
    void a_change_without_a_reason_is_not_offered_for_saving() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");

        type(field("policy-allowed-ranges"), "46000-46999");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("policy-save")));

        TextArea reason = _get(TextArea.class, spec -> spec.withId("policy-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("give a reason for the change, e.g. a ticket number");
        assertThat(_find(ConfirmDialog.class)).isEmpty();
    }

    @Test
    void cancelling_the_confirmation_saves_nothing() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");

        type(field("policy-allowed-ranges"), "46000-46999");
        type(_get(TextArea.class, spec -> spec.withId("policy-reason")), "CHG-44");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("policy-save")));
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));

        assertThat(policies.revision().version()).isZero();
        assertThat(field("policy-allowed-ranges").getValue()).isEqualTo("46000-46999");
    }

    @Test
    void saving_over_someone_elses_newer_change_is_refused_and_names_them() {
        signIn("admin", Role.ADMIN);
        UI.getCurrent().navigate("policy");
        jdbc.update("update port_policy set drift_scan_minutes = 5, version = 1, updated_by = 'bob' where id = 1");

        type(field("policy-allowed-ranges"), "46000-46999");
        type(_get(TextArea.class, spec -> spec.withId("policy-reason")), "CHG-45");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("policy-save")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(notificationTexts()).singleElement().asString()
                .startsWith("Not saved: bob changed the port policy on ")
                .endsWith(", after you opened it. Discard your edits to see their change, then edit again.");
        assertThat(policies.current().ports().rangesText()).isEqualTo("45000-45999");
        assertThat(field("policy-allowed-ranges").getValue()).isEqualTo("46000-46999");
    }

    @Test
    void an_admin_sets_the_webhook_and_its_secret_is_never_shown_again_nor_audited() {
        String secret = "s3cret-for-the-webhook-0123";
        signIn("alice", Role.ADMIN);
        UI.getCurrent().navigate("policy");
        type(_get(TextField.class, spec -> spec.withId("webhook-url")), "https://hooks.example.test/calcon");
        type(_get(PasswordField.class, spec -> spec.withId("webhook-secret")), secret);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("webhook-save")));

        assertThat(notificationTexts()).contains("Webhook saved.");
        assertThat(_get(PasswordField.class, spec -> spec.withId("webhook-secret")).getValue()).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("webhook-state")).getText()).startsWith("A secret is set.");
        MockVaadin.tearDown();
        signIn("alice", Role.ADMIN);
        UI.getCurrent().navigate("policy");
        assertThat(field("webhook-url").getValue()).isEqualTo("https://hooks.example.test/calcon");
        assertThat(_get(PasswordField.class, spec -> spec.withId("webhook-secret")).getValue()).isEmpty();
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain(secret);
        String audited = "select coalesce(before_value, '') || ' ' || coalesce(after_value, '') || ' '"
                + " || coalesce(reason, '') from %s where action = 'WEBHOOK_CHANGED'";
        assertThat(jdbc.queryForList(audited.formatted("audit_entry") + " union all " + audited.formatted("audit_outbox"),
                String.class))
                .isNotEmpty().noneMatch(text -> text.contains(secret));
        assertThat(jdbc.queryForObject("select secret_value from policy_webhook", String.class)).doesNotContain(secret);
    }

    @Test
    void a_webhook_url_that_is_not_http_is_refused_beside_its_field() {
        signIn("alice", Role.ADMIN);
        UI.getCurrent().navigate("policy");
        type(_get(TextField.class, spec -> spec.withId("webhook-url")), "ftp://hooks.example.test/calcon");
        type(_get(PasswordField.class, spec -> spec.withId("webhook-secret")), "long-enough-secret-123");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("webhook-save")));

        assertThat(field("webhook-url").isInvalid()).isTrue();
        assertThat(field("webhook-url").getErrorMessage()).startsWith("Enter an absolute http or https URL");
        assertThat(jdbc.queryForObject("select count(*) from policy_webhook", Integer.class)).isZero();
    }

    @Test
    void the_helpdesk_is_refused_the_policy_view() {
        signIn("helpdesk", Role.HELPDESK);

        assertThat(refusedAt("policy")).isTrue();
    }

    /** Karibu's {@code _setValue} calls an internal Flow method that Vaadin 25.2 no longer has. */
    private static <V> void type(HasValue<?, V> field, V value) {
        assertThat(((Component) field).isVisible()).isTrue();
        assertThat(field.isReadOnly()).isFalse();
        field.setValue(value);
    }

    private static TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    private static String meaning() {
        return BasicUtilsKt.get_textRecursively(_get(Div.class, spec -> spec.withId("policy-meaning")));
    }

    private static List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(PolicyViewTest::text).toList();
    }

    private static String text(Notification notification) {
        return notification.getElement().getProperty("text", "");
    }
}
