package org.calconfleet.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calconfleet.access.Role;
import org.calconfleet.i18n.Messages;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortRange;
import org.calconfleet.port.PortScope;
import org.calconfleet.testdb.DatabaseTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

@DatabaseTest
@SpringBootTest
@ActiveProfiles("test")
class PolicyServiceTest {

    private static final PolicyDraft DEFAULT_DRAFT = PolicyDraft.of(FleetPolicy.DEFAULT);

    @Autowired
    PolicyService policies;

    @Autowired
    JdbcTemplate jdbc;

    private long auditSeqBefore;

    @BeforeEach
    void startFromTheDefaultPolicy() {
        jdbc.update("update port_policy set allowed_ranges = '45000-45999', reserved_ports = '', dynamic_allowed = true,"
                + " scope = 'PER_SERVER', approval_required = true, drift_scan_minutes = 15, notify_addresses = '',"
                + " version = 0, updated_by = 'system' where id = 1");
        jdbc.update("delete from policy_proposal");
        auditSeqBefore = jdbc.queryForObject("select coalesce(max(seq), 0) from audit_entry", Long.class);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_new_database_holds_the_default_policy_at_version_0() {
        var revision = as("helpdesk", Role.HELPDESK, policies::revision);

        assertThat(revision.policy()).isEqualTo(FleetPolicy.DEFAULT);
        assertThat(revision.policy().ports()).isEqualTo(PortPolicy.DEFAULT);
        assertThat(revision.version()).isZero();
        assertThat(revision.updatedBy()).isEqualTo("system");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void every_role_may_read_the_policy(Role role) {
        assertThat(as("someone", role, policies::current)).isEqualTo(FleetPolicy.DEFAULT);
    }

    @Test
    void an_admin_changes_the_policy_and_the_change_is_audited_with_before_after_and_reason() {
        var edited = new FleetPolicy(new PortPolicy(List.of(new PortRange(45000, 45499), PortRange.single(45600)),
                Set.of(45100), true, PortScope.PER_SITE), true, Duration.ofMinutes(30), List.of("noc@example.com"));

        var saved = as("alice", Role.ADMIN, () -> policies.update(edited, 0, "  CHG-1234: narrow for Osaka "))
                .inForce();

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.updatedBy()).isEqualTo("alice");
        assertThat(as("helpdesk", Role.HELPDESK, policies::current)).isEqualTo(edited);
        assertThat(newAuditEntries()).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("ACTOR", "alice").containsEntry("ACTION", "POLICY_CHANGED")
                    .containsEntry("SUBJECT", "policy").containsEntry("REASON", "CHG-1234: narrow for Osaka");
            assertThat(english(entry.get("BEFORE_VALUE"))).isEqualTo("Settings: Allowed port ranges: 45000-45999, "
                    + "Reserved ports: (none), Port sharing: each server its own port, Drift scan interval: 15 min, "
                    + "E-mail notifications to: (none)");
            assertThat(english(entry.get("AFTER_VALUE"))).isEqualTo("Settings: Allowed port ranges: 45000-45499, 45600, "
                    + "Reserved ports: 45100, Port sharing: one port per site, Drift scan interval: 30 min, "
                    + "E-mail notifications to: noc@example.com");
        });
        assertThat(jdbc.queryForObject("select allowed_ranges from port_policy", String.class))
                .isEqualTo("45000-45499,45600");
    }

    @Test
    void an_edit_that_changes_nothing_stores_and_audits_nothing() {
        var revision = as("alice", Role.ADMIN, () -> policies.update(FleetPolicy.DEFAULT, 0, "no-op")).inForce();

        assertThat(revision.version()).isZero();
        assertThat(newAuditEntries()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void only_an_admin_may_change_the_policy(Role role) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("mallory", null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        var edited = new FleetPolicy(PortPolicy.DEFAULT, false, Duration.ofMinutes(15), List.of());

        assertThatThrownBy(() -> policies.update(edited, 0, "because")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.update(PolicyDraft.of(edited), 0, "because"))
                .isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThat(as("helpdesk", Role.HELPDESK, policies::revision).version()).isZero();
        assertThat(newAuditEntries()).isEmpty();
    }

    @Test
    @WithMockUser(username = "anyone", roles = "HELPDESK")
    void the_helpdesk_is_refused_by_method_security_even_with_a_valid_edit() {
        assertThatThrownBy(() -> policies.update(FleetPolicy.DEFAULT, 0, "x")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_edit_based_on_an_old_version_is_refused_and_names_who_changed_it_and_when() {
        var alices = as("alice", Role.ADMIN, () -> policies.update(
                new FleetPolicy(PortPolicy.DEFAULT, true, Duration.ofMinutes(30), List.of()), 0, "CHG-1")).inForce();
        var bobs = new FleetPolicy(PortPolicy.DEFAULT, true, Duration.ofMinutes(5), List.of());

        var stale = catchThrowableOfType(StalePolicyException.class,
                () -> as("bob", Role.ADMIN, () -> policies.update(bobs, 0, "CHG-2")));

        assertThat(stale.changedBy()).isEqualTo("alice");
        assertThat(stale.changedAt()).isEqualTo(alices.updatedAt());
        assertThat(stale.currentVersion()).isEqualTo(1);
        assertThat(stale.expectedVersion()).isZero();
        assertThat(stale.messageKey()).isEqualTo("policy.stale");
        assertThat(stale.getMessage()).contains("alice");
        assertThat(as("bob", Role.ADMIN, policies::current).driftScanInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(newAuditEntries()).extracting(entry -> entry.get("ACTOR")).containsExactly("alice");
    }

    @Test
    void turning_approval_off_waits_for_a_second_administrator_and_the_old_policy_holds_until_then() {
        var noApproval = new FleetPolicy(PortPolicy.DEFAULT, false, Duration.ofMinutes(15), List.of());

        var update = as("alice", Role.ADMIN, () -> policies.update(noApproval, 0, "CHG-7: nights"));

        assertThat(update.waitsForSecondAdministrator()).isTrue();
        assertThat(update.proposal().loosenings()).containsExactly(PolicyField.APPROVAL_REQUIRED);
        assertThat(as("helpdesk", Role.HELPDESK, policies::revision)).satisfies(inForce -> {
            assertThat(inForce.version()).isZero();
            assertThat(inForce.policy().approvalRequired()).isTrue();
        });
        long id = update.proposal().id();
        var own = catchThrowableOfType(PolicyProposalException.class,
                () -> as("alice", Role.ADMIN, () -> policies.confirm(id)));
        assertThat(own.reason()).isEqualTo(PolicyProposalException.Reason.OWN_PROPOSAL);
        assertThat(as("helpdesk", Role.HELPDESK, policies::current).approvalRequired()).isTrue();

        var confirmed = as("bob", Role.ADMIN, () -> policies.confirm(id));

        assertThat(confirmed.version()).isEqualTo(1);
        assertThat(confirmed.updatedBy()).isEqualTo("bob");
        assertThat(confirmed.policy()).isEqualTo(noApproval);
        assertThat(as("bob", Role.ADMIN, policies::pending)).isEmpty();
        assertThat(newAuditEntries()).extracting(e -> e.get("ACTOR") + " " + e.get("ACTION") + " "
                + english(e.get("AFTER_VALUE")) + " / " + e.get("REASON")).containsExactly(
                "alice POLICY_CHANGE_PROPOSED Proposal #" + id + " by alice: Settings: A port change needs a second person's"
                        + " approval: no / CHG-7: nights",
                "bob POLICY_CHANGE_CONFIRMED Proposal #" + id + " by alice: Settings: A port change needs a second person's"
                        + " approval: no / CHG-7: nights");
    }

    @Test
    void a_rejected_proposal_leaves_the_policy_as_it_was_and_cannot_be_confirmed_afterwards() {
        var wider = new FleetPolicy(new PortPolicy(List.of(new PortRange(45000, 46999)), Set.of(), true,
                PortScope.PER_SERVER), true, Duration.ofMinutes(15), List.of());
        long id = as("alice", Role.ADMIN, () -> policies.update(wider, 0, "CHG-8")).proposal().id();

        as("bob", Role.ADMIN, () -> {
            policies.reject(id, "no ticket for 46000-46999");
            return null;
        });

        assertThat(as("bob", Role.ADMIN, policies::current)).isEqualTo(FleetPolicy.DEFAULT);
        assertThat(catchThrowableOfType(PolicyProposalException.class,
                () -> as("carol", Role.ADMIN, () -> policies.confirm(id))).reason())
                .isEqualTo(PolicyProposalException.Reason.NOT_PENDING);
        assertThat(newAuditEntries()).last().satisfies(entry -> assertThat(entry)
                .containsEntry("ACTOR", "bob").containsEntry("ACTION", "POLICY_CHANGE_REJECTED")
                .containsEntry("AFTER_VALUE", StoredMessage.of("policy.value.proposal", StoredMessage.port(id),
                        StoredMessage.verbatim("alice")).toJson())
                .containsEntry("REASON", "no ticket for 46000-46999"));
    }

    @Test
    void one_proposal_waits_at_a_time_and_a_proposal_overtaken_by_another_change_cannot_be_confirmed() {
        var noApproval = new FleetPolicy(PortPolicy.DEFAULT, false, Duration.ofMinutes(15), List.of());
        long id = as("alice", Role.ADMIN, () -> policies.update(noApproval, 0, "CHG-9")).proposal().id();

        assertThat(catchThrowableOfType(PolicyProposalException.class, () -> as("bob", Role.ADMIN,
                () -> policies.update(noApproval, 0, "CHG-10"))).arguments()).containsExactly("alice");
        as("bob", Role.ADMIN, () -> policies.update(new FleetPolicy(PortPolicy.DEFAULT, true, Duration.ofMinutes(5),
                List.of()), 0, "CHG-11: scan more often"));

        var overtaken = catchThrowableOfType(PolicyProposalException.class,
                () -> as("carol", Role.ADMIN, () -> policies.confirm(id)));
        assertThat(overtaken.reason()).isEqualTo(PolicyProposalException.Reason.POLICY_CHANGED_SINCE);
        assertThat(overtaken.arguments()).containsExactly("bob");
        assertThat(as("carol", Role.ADMIN, policies::current).approvalRequired()).isTrue();
    }

    static Stream<Arguments> refusedEdits() {
        return Stream.of(
                refused(draft("45000-45999, abc", "", 15, ""), "ok", PolicyField.ALLOWED_RANGES,
                        PolicyRefusalReason.RANGE_SYNTAX, "policy.refusal.rangeSyntax", "abc", "14"),
                refused(draft("1024-2000", "", 15, ""), "ok", PolicyField.ALLOWED_RANGES,
                        PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, "policy.refusal.rangeOutsideBounds", "1024-2000", "1"),
                refused(draft("45000, 45999-45000", "", 15, ""), "ok", PolicyField.ALLOWED_RANGES,
                        PolicyRefusalReason.RANGE_REVERSED, "policy.refusal.rangeReversed", "45999-45000", "8"),
                refused(draft(" ", "", 15, ""), "ok", PolicyField.ALLOWED_RANGES,
                        PolicyRefusalReason.NO_RANGE, "policy.refusal.noRange"),
                refused(draft("45000-45999", "45500, 80", 15, ""), "ok", PolicyField.RESERVED_PORTS,
                        PolicyRefusalReason.RESERVED_NOT_A_PORT, "policy.refusal.reservedNotAPort", "80", "8"),
                refused(draft("45000-45999", "", null, ""), "ok", PolicyField.DRIFT_SCAN_INTERVAL,
                        PolicyRefusalReason.DRIFT_INTERVAL_MISSING, "policy.refusal.driftIntervalMissing"),
                refused(draft("45000-45999", "", 1441, ""), "ok", PolicyField.DRIFT_SCAN_INTERVAL,
                        PolicyRefusalReason.DRIFT_INTERVAL_OUTSIDE_BOUNDS, "policy.refusal.driftIntervalOutsideBounds",
                        "1441"),
                refused(draft("45000-45999", "", 0, ""), "ok", PolicyField.DRIFT_SCAN_INTERVAL,
                        PolicyRefusalReason.DRIFT_INTERVAL_OUTSIDE_BOUNDS, "policy.refusal.driftIntervalOutsideBounds",
                        "0"),
                refused(draft("45000-45999", "", 15, "noc@example.com, ops@example"), "ok", PolicyField.NOTIFY_ADDRESSES,
                        PolicyRefusalReason.BAD_EMAIL, "policy.refusal.badEmail", "ops@example"),
                refused(draft("45000-45999", "", 15, manyAddresses()), "ok", PolicyField.NOTIFY_ADDRESSES,
                        PolicyRefusalReason.TEXT_TOO_LONG, "policy.refusal.textTooLong",
                        String.valueOf(manyAddresses().replace(" ", "").length()), "2000"),
                refused(DEFAULT_DRAFT, " \n ", PolicyField.REASON,
                        PolicyRefusalReason.REASON_BLANK, "policy.refusal.reasonBlank"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("refusedEdits")
    void an_admin_edit_that_breaks_a_rule_is_refused_with_a_typed_reason_and_its_message_key(PolicyDraft draft,
            String reason, PolicyField field, PolicyRefusalReason expected, String messageKey, List<String> arguments) {
        var refused = catchThrowableOfType(PolicyRefusedException.class,
                () -> as("alice", Role.ADMIN, () -> policies.update(draft, 0, reason)));

        assertThat(refused.refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.reason()).isEqualTo(expected);
            assertThat(refusal.messageKey()).isEqualTo(messageKey);
            assertThat(refusal.arguments()).isEqualTo(arguments);
        });
        assertThat(as("alice", Role.ADMIN, policies::revision).version()).isZero();
        assertThat(newAuditEntries()).isEmpty();
    }

    @Test
    void the_refused_edits_cover_every_reason() {
        var covered = refusedEdits().map(arguments -> (PolicyRefusalReason) arguments.get()[3])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PolicyRefusalReason.class)));

        assertThat(covered).containsExactlyInAnyOrder(PolicyRefusalReason.values());
    }

    @Test
    void an_edit_built_in_code_is_checked_too_and_all_reasons_come_at_once() {
        var edited = new FleetPolicy(PortPolicy.DEFAULT, true, Duration.ofSeconds(90), List.of("ops"));

        var refused = catchThrowableOfType(PolicyRefusedException.class,
                () -> as("alice", Role.ADMIN, () -> policies.update(edited, 0, "")));

        assertThat(refused.refusals()).extracting(PolicyRefusal::reason).containsExactly(
                PolicyRefusalReason.DRIFT_INTERVAL_OUTSIDE_BOUNDS, PolicyRefusalReason.BAD_EMAIL,
                PolicyRefusalReason.REASON_BLANK);
        assertThat(refused.refusals().getFirst().arguments()).containsExactly("1.5");
    }

    private static Arguments refused(PolicyDraft draft, String reason, PolicyField field, PolicyRefusalReason expected,
            String messageKey, String... arguments) {
        return Arguments.of(draft, reason, field, expected, messageKey, Arrays.asList(arguments));
    }

    private static PolicyDraft draft(String ranges, String reserved, @Nullable Integer driftMinutes, String notify) {
        return new PolicyDraft(ranges, reserved, true, PortScope.PER_SERVER, true, driftMinutes, notify);
    }

    private static String manyAddresses() {
        return Stream.iterate(1, i -> i + 1).limit(100).map(i -> "operations-" + i + "@example.com")
                .collect(Collectors.joining(", "));
    }

    private List<Map<String, Object>> newAuditEntries() {
        return jdbc.queryForList("select actor, action, subject, before_value, after_value, reason from audit_entry"
                + " where seq > ? order by seq", auditSeqBefore);
    }

    private static <T> T as(String username, Role role, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(username, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private static String english(@Nullable Object stored) {
        return new Messages().render((String) stored, Locale.ENGLISH, ZoneOffset.UTC);
    }
}
