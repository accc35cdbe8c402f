package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PortPolicyTest {

    private static final PortPolicy STRICT = new PortPolicy(
            List.of(new PortRange(45000, 45009), new PortRange(46000, 46000)),
            Set.of(45000, 45005), false, PortScope.PER_SERVER);

    private static PortPolicy withScope(PortScope scope) {
        return new PortPolicy(List.of(new PortRange(45000, 45999)), Set.of(), true, scope);
    }

    private static Set<RpcPort> ports(int... values) {
        return IntStream.of(values).mapToObj(RpcPort::of).collect(Collectors.toSet());
    }

    @Test
    void the_default_policy_allows_45000_to_45999_and_dynamic_for_each_server_on_its_own() {
        var policy = PortPolicy.DEFAULT;

        assertThat(policy.allowedRanges()).containsExactly(new PortRange(45000, 45999));
        assertThat(policy.reservedPorts()).isEmpty();
        assertThat(policy.dynamicAllowed()).isTrue();
        assertThat(policy.scope()).isEqualTo(PortScope.PER_SERVER);
        assertThat(policy.check(RpcPort.of(45001), PeerPorts.none()).isValid()).isTrue();
        assertThat(policy.check(RpcPort.DYNAMIC, PeerPorts.none()).isValid()).isTrue();
    }

    @Test
    void ports_at_both_ends_of_an_allowed_range_pass() {
        assertThat(STRICT.refusalsFor(RpcPort.of(45001), PeerPorts.none())).isEmpty();
        assertThat(STRICT.refusalsFor(RpcPort.of(45009), PeerPorts.none())).isEmpty();
        assertThat(STRICT.refusalsFor(RpcPort.of(46000), PeerPorts.none())).isEmpty();
    }

    @Test
    void ports_just_outside_the_allowed_ranges_are_refused_with_the_ranges() {
        for (var outside : new int[] {44999, 45010, 45999, 46001, 1025, 65535}) {
            assertThat(STRICT.refusalsFor(RpcPort.of(outside), PeerPorts.none())).containsExactly(PortRefusal.of(
                    PortRefusalReason.OUTSIDE_POLICY_RANGES, outside, "45000-45009, 46000"));
        }
    }

    @Test
    void reserved_ports_are_refused_even_inside_an_allowed_range() {
        assertThat(STRICT.refusalsFor(RpcPort.of(45005), PeerPorts.none()))
                .containsExactly(PortRefusal.of(PortRefusalReason.RESERVED, 45005));
    }

    @Test
    void a_reserved_port_outside_the_ranges_gets_both_reasons() {
        var policy = new PortPolicy(List.of(new PortRange(45000, 45009)), Set.of(50000), true, PortScope.PER_SERVER);

        assertThat(policy.refusalsFor(RpcPort.of(50000), PeerPorts.none())).containsExactly(
                PortRefusal.of(PortRefusalReason.RESERVED, 50000),
                PortRefusal.of(PortRefusalReason.OUTSIDE_POLICY_RANGES, 50000, "45000-45009"));
    }

    @Test
    void dynamic_port_is_refused_when_the_policy_does_not_allow_it() {
        assertThat(STRICT.refusalsFor(RpcPort.DYNAMIC, PeerPorts.none()))
                .containsExactly(PortRefusal.of(PortRefusalReason.DYNAMIC_NOT_ALLOWED));
    }

    @Test
    void dynamic_port_needs_no_range_when_the_policy_allows_it() {
        assertThat(PortPolicy.DEFAULT.refusalsFor(RpcPort.DYNAMIC, PeerPorts.none())).isEmpty();
    }

    @Test
    void per_server_scope_ignores_the_ports_of_other_servers() {
        var peers = new PeerPorts("Tokyo", ports(45002), ports(45003, 45004));

        assertThat(withScope(PortScope.PER_SERVER).refusalsFor(RpcPort.of(45001), peers)).isEmpty();
    }

    @Test
    void per_site_scope_refuses_a_port_other_than_the_one_used_on_the_site() {
        var peers = new PeerPorts("Tokyo", ports(45002), ports(45003));

        assertThat(withScope(PortScope.PER_SITE).refusalsFor(RpcPort.of(45001), peers))
                .containsExactly(PortRefusal.of(PortRefusalReason.DIFFERS_FROM_SITE, 45001, "45002", "Tokyo"));
        assertThat(withScope(PortScope.PER_SITE).refusalsFor(RpcPort.of(45002), peers)).isEmpty();
    }

    @Test
    void per_site_scope_lists_every_other_port_when_the_site_already_disagrees() {
        var peers = new PeerPorts("Osaka", ports(45003, 45001, 45002), Set.of());

        assertThat(withScope(PortScope.PER_SITE).refusalsFor(RpcPort.of(45001), peers))
                .containsExactly(PortRefusal.of(PortRefusalReason.DIFFERS_FROM_SITE, 45001, "45002, 45003", "Osaka"));
    }

    @Test
    void the_first_server_of_a_site_may_take_any_allowed_port() {
        var peers = new PeerPorts("Nagoya", Set.of(), ports(45009));

        assertThat(withScope(PortScope.PER_SITE).refusalsFor(RpcPort.of(45001), peers)).isEmpty();
    }

    @Test
    void fleet_wide_scope_refuses_a_port_other_than_the_one_used_across_the_fleet() {
        var peers = new PeerPorts("Tokyo", Set.of(), ports(45002));

        assertThat(withScope(PortScope.FLEET_WIDE).refusalsFor(RpcPort.of(45001), peers))
                .containsExactly(PortRefusal.of(PortRefusalReason.DIFFERS_FROM_FLEET, 45001, "45002"));
        assertThat(withScope(PortScope.FLEET_WIDE).refusalsFor(RpcPort.of(45002), peers)).isEmpty();
    }

    @Test
    void fleet_wide_scope_counts_the_site_servers_too() {
        var peers = new PeerPorts("Tokyo", ports(45007), Set.of());

        assertThat(withScope(PortScope.FLEET_WIDE).refusalsFor(RpcPort.of(45001), peers))
                .containsExactly(PortRefusal.of(PortRefusalReason.DIFFERS_FROM_FLEET, 45001, "45007"));
    }

    @Test
    void dynamic_port_conflicts_with_a_pinned_port_used_fleet_wide() {
        var peers = new PeerPorts("Tokyo", Set.of(), ports(45002));

        assertThat(withScope(PortScope.FLEET_WIDE).refusalsFor(RpcPort.DYNAMIC, peers))
                .containsExactly(PortRefusal.of(PortRefusalReason.DIFFERS_FROM_FLEET, 0, "45002"));
    }

    @Test
    void text_input_is_parsed_then_checked_against_the_policy() {
        assertThat(PortRules.parse(" 45005 ", STRICT, PeerPorts.none()).refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.RESERVED, 45005));
        assertThat(PortRules.parse("1024", STRICT, PeerPorts.none()).refusals())
                .containsExactly(PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, 1024));
        assertThat(PortRules.parse("45001", STRICT, PeerPorts.none()).validPort()).contains(RpcPort.of(45001));
    }

    @Test
    void a_policy_needs_a_range_and_valid_reserved_ports() {
        assertThatThrownBy(() -> new PortPolicy(List.of(), Set.of(), true, PortScope.PER_SERVER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortPolicy(List.of(new PortRange(45000, 45001)), Set.of(1024), true,
                PortScope.PER_SERVER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortPolicy(List.of(new PortRange(45000, 45001)), Set.of(65536), true,
                PortScope.PER_SERVER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_range_lies_inside_1025_to_65535_and_does_not_run_backwards() {
        assertThat(new PortRange(1025, 65535).size()).isEqualTo(64511);
        assertThatThrownBy(() -> new PortRange(1024, 2000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortRange(2000, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortRange(2001, 2000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_range_is_written_as_from_dash_to_or_as_one_port() {
        assertThat(new PortRange(45000, 45999).text()).isEqualTo("45000-45999");
        assertThat(PortRange.single(45001).text()).isEqualTo("45001");
    }

    @Test
    void the_suggestion_is_the_lowest_allowed_port_when_nothing_is_in_use() {
        assertThat(PortPolicy.DEFAULT.suggest(Set.of())).contains(RpcPort.of(45000));
    }

    @Test
    void the_suggestion_skips_reserved_ports_and_ports_in_use() {
        assertThat(STRICT.suggest(Set.of(45001, 45002))).contains(RpcPort.of(45003));
    }

    @Test
    void the_suggestion_takes_the_lowest_range_whatever_order_the_ranges_were_given_in() {
        var policy = new PortPolicy(List.of(new PortRange(50000, 50010), new PortRange(2000, 2001)), Set.of(), false,
                PortScope.PER_SERVER);

        assertThat(policy.suggest(Set.of(2000))).contains(RpcPort.of(2001));
        assertThat(policy.suggest(Set.of(2000, 2001))).contains(RpcPort.of(50000));
    }

    @Test
    void the_suggestion_moves_to_the_next_range_when_one_is_full() {
        var inUse = IntStream.rangeClosed(45000, 45009).boxed().toList();

        assertThat(STRICT.suggest(inUse)).contains(RpcPort.of(46000));
    }

    @Test
    void there_is_no_suggestion_when_every_allowed_port_is_taken() {
        var inUse = IntStream.rangeClosed(45000, 45009).boxed().collect(Collectors.toSet());
        inUse.add(46000);

        assertThat(STRICT.suggest(inUse)).isEmpty();
    }

    @Test
    void there_is_no_suggestion_when_every_allowed_port_is_reserved() {
        var policy = new PortPolicy(List.of(new PortRange(45000, 45001)), Set.of(45000, 45001), true,
                PortScope.PER_SERVER);

        assertThat(policy.suggest(Set.of())).isEmpty();
    }

    @Test
    void with_one_port_per_site_the_suggestion_is_the_port_of_the_site() {
        var peers = new PeerPorts("Tokyo", ports(45500), ports(45001));

        assertThat(withScope(PortScope.PER_SITE).suggest(Set.of(), peers)).contains(RpcPort.of(45500));
    }

    @Test
    void with_one_port_fleet_wide_the_suggestion_is_the_port_of_the_fleet_even_if_dynamic() {
        var peers = new PeerPorts("Tokyo", Set.of(), Set.of(RpcPort.DYNAMIC));

        assertThat(withScope(PortScope.FLEET_WIDE).suggest(Set.of(), peers)).contains(RpcPort.DYNAMIC);
    }

    @Test
    void there_is_no_suggestion_when_the_shared_port_is_in_use_on_the_target_host() {
        var peers = new PeerPorts("Tokyo", Set.of(), ports(45500));

        assertThat(withScope(PortScope.FLEET_WIDE).suggest(Set.of(45500), peers)).isEmpty();
    }

    @Test
    void there_is_no_suggestion_when_the_peers_that_must_agree_do_not() {
        var peers = new PeerPorts("Tokyo", ports(45001, 45002), Set.of());

        assertThat(withScope(PortScope.PER_SITE).suggest(Set.of(), peers)).isEmpty();
    }

    @Test
    void there_is_no_suggestion_when_the_shared_port_breaks_the_policy() {
        var policy = new PortPolicy(List.of(new PortRange(45000, 45999)), Set.of(), false, PortScope.FLEET_WIDE);
        var peers = new PeerPorts("Tokyo", Set.of(), Set.of(RpcPort.DYNAMIC));

        assertThat(policy.suggest(Set.of(), peers)).isEmpty();
    }
}
