package org.calconfleet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.calconfleet.i18n.StoredMessage.inner;
import static org.calconfleet.i18n.StoredMessage.listed;
import static org.calconfleet.i18n.StoredMessage.verbatim;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortRange;
import org.calconfleet.port.PortScope;
import org.junit.jupiter.api.Test;

class FleetPolicyTest {

    @Test
    void the_default_is_the_port_rules_default_with_approval_a_15_minute_scan_and_no_mail() {
        assertThat(FleetPolicy.DEFAULT.ports()).isEqualTo(PortPolicy.DEFAULT);
        assertThat(FleetPolicy.DEFAULT.approvalRequired()).isTrue();
        assertThat(FleetPolicy.DEFAULT.driftScanInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(FleetPolicy.DEFAULT.notifyAddresses()).isEmpty();
        assertThat(FleetPolicy.DEFAULT.refusals()).isEmpty();
    }

    @Test
    void a_draft_of_a_policy_reads_back_as_the_same_policy() {
        var policy = new FleetPolicy(new PortPolicy(List.of(PortRange.single(46100), new PortRange(45000, 45999)),
                Set.of(45500, 45001), false, PortScope.PER_SITE), false, Duration.ofMinutes(60),
                List.of("noc@example.com", "ops@example.co.jp"));

        var draft = PolicyDraft.of(policy);

        assertThat(draft.allowedRanges()).isEqualTo("45000-45999, 46100");
        assertThat(draft.reservedPorts()).isEqualTo("45001, 45500");
        assertThat(draft.notifyAddresses()).isEqualTo("noc@example.com, ops@example.co.jp");
        assertThat(policy.changesTo(draft.parse().orElseThrow())).isEmpty();
    }

    @Test
    void a_draft_reports_every_refusal_of_every_field_at_once() {
        var draft = new PolicyDraft("45000-45999, 80", "x", true, PortScope.FLEET_WIDE, true, 0, "ops@");

        assertThat(draft.parse().refusals()).extracting(PolicyRefusal::field).containsExactly(
                PolicyField.ALLOWED_RANGES, PolicyField.RESERVED_PORTS, PolicyField.DRIFT_SCAN_INTERVAL,
                PolicyField.NOTIFY_ADDRESSES);
    }

    @Test
    void a_policy_built_in_code_is_checked_for_what_its_types_allow() {
        var policy = new FleetPolicy(PortPolicy.DEFAULT, true, Duration.ofMinutes(1441),
                List.of("ops@example.com", "not an address"));

        assertThat(policy.refusals()).extracting(PolicyRefusal::reason).containsExactly(
                PolicyRefusalReason.DRIFT_INTERVAL_OUTSIDE_BOUNDS, PolicyRefusalReason.BAD_EMAIL);
    }

    @Test
    void lists_too_long_to_store_are_refused() {
        var many = new java.util.ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            many.add("operations-" + i + "@example.com");
        }
        var policy = new FleetPolicy(PortPolicy.DEFAULT, true, Duration.ofMinutes(15), many);

        assertThat(policy.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo(PolicyField.NOTIFY_ADDRESSES);
            assertThat(refusal.reason()).isEqualTo(PolicyRefusalReason.TEXT_TOO_LONG);
            assertThat(refusal.arguments().get(1)).isEqualTo("2000");
        });
    }

    @Test
    void changes_name_only_the_settings_that_differ_and_read_as_audit_text() {
        var edited = new FleetPolicy(new PortPolicy(List.of(new PortRange(45000, 45999), PortRange.single(46100)),
                Set.of(), true, PortScope.PER_SERVER), false, Duration.ofMinutes(15), List.of("noc@example.com"));

        var changes = FleetPolicy.DEFAULT.changesTo(edited);

        assertThat(changes).containsExactly(
                new PolicyChange(PolicyField.ALLOWED_RANGES, "45000-45999", "45000-45999, 46100"),
                new PolicyChange(PolicyField.APPROVAL_REQUIRED, "true", "false"),
                new PolicyChange(PolicyField.NOTIFY_ADDRESSES, "", "noc@example.com"));
        assertThat(PolicyChange.auditedBefore(changes)).isEqualTo(StoredMessage.of("policy.value.settings", listed(List.of(
                setting(PolicyField.ALLOWED_RANGES, verbatim("45000-45999")),
                setting(PolicyField.APPROVAL_REQUIRED, new StoredMessage.Choice("policy.value.yes")),
                setting(PolicyField.NOTIFY_ADDRESSES, new StoredMessage.Choice("policy.value.none"))))));
        assertThat(new Messages().render(PolicyChange.auditedAfter(changes), Locale.JAPANESE, ZoneOffset.UTC))
                .isEqualTo("設定: 許可するポート範囲：45000-45999, 46100、ポート変更には別の担当者の承認が必要：いいえ、"
                        + "通知先の電子メール アドレス：noc@example.com");
    }

    private static StoredMessage.Argument setting(PolicyField field, StoredMessage.Argument value) {
        return inner(StoredMessage.of("policy.value.setting", new StoredMessage.Choice(field.messageKey()), value));
    }

    @Test
    void the_order_ranges_were_given_in_is_no_change() {
        var a = new FleetPolicy(new PortPolicy(List.of(PortRange.single(46100), new PortRange(45000, 45999)),
                Set.of(), true, PortScope.PER_SERVER), true, Duration.ofMinutes(15), List.of());
        var b = new FleetPolicy(new PortPolicy(List.of(new PortRange(45000, 45999), PortRange.single(46100)),
                Set.of(), true, PortScope.PER_SERVER), true, Duration.ofMinutes(15), List.of());

        assertThat(a.changesTo(b)).isEmpty();
    }

    @Test
    void widening_a_range_lifting_a_reservation_allowing_0_or_dropping_approval_loosen_the_policy() {
        var strict = new FleetPolicy(new PortPolicy(List.of(new PortRange(45000, 45999)), Set.of(45500), false,
                PortScope.PER_SERVER), true, Duration.ofMinutes(15), List.of());

        assertThat(strict.loosenings(with(strict, List.of(new PortRange(45000, 46000)), Set.of(45500), false, true)))
                .containsExactly(PolicyField.ALLOWED_RANGES);
        assertThat(strict.loosenings(with(strict, List.of(new PortRange(45000, 45999)), Set.of(), false, true)))
                .containsExactly(PolicyField.RESERVED_PORTS);
        assertThat(strict.loosenings(with(strict, List.of(new PortRange(45000, 45999)), Set.of(45500), true, true)))
                .containsExactly(PolicyField.DYNAMIC_ALLOWED);
        assertThat(strict.loosenings(with(strict, List.of(new PortRange(45000, 45999)), Set.of(45500), false, false)))
                .containsExactly(PolicyField.APPROVAL_REQUIRED);
        assertThat(strict.loosenings(with(strict, List.of(new PortRange(45100, 45200), PortRange.single(45999)),
                Set.of(45500, 45150), false, true))).as("narrower ranges, more reservations").isEmpty();
        assertThat(strict.loosenings(with(strict, List.of(new PortRange(45000, 45499), new PortRange(45501, 45999)),
                Set.of(), false, true))).as("the same usable ports, written differently").isEmpty();
    }

    private static FleetPolicy with(FleetPolicy base, List<PortRange> ranges, Set<Integer> reserved,
            boolean dynamicAllowed, boolean approvalRequired) {
        return new FleetPolicy(new PortPolicy(ranges, reserved, dynamicAllowed, base.ports().scope()),
                approvalRequired, base.driftScanInterval(), base.notifyAddresses());
    }
}
