package org.calconfleet.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants checked on randomly drawn ports, policies, peers and names. Every case draws everything
 * from one seed, shown in the test name; to replay a failure run
 * {@code mvn test -Dtest=PortPropertiesTest -Dport.seed=<seed>}.
 */
class PortPropertiesTest {

    private static final int CASES = 300;
    private static final int[] BOUNDARIES = {Integer.MIN_VALUE, -65536, -1, 0, 1, 135, 1023, 1024, 1025, 1026, 45000,
            45999, 65534, 65535, 65536, 100000, Integer.MAX_VALUE};
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");
    private static final String NAME_ALPHABET = "abcXYZ019.-_ \t\"'`;&|%^<>/\\\u0007\u200B\u00E9\u30B5";

    static LongStream seeds() {
        var replay = System.getProperty("port.seed");
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.strip()));
        }
        var random = new SplittableRandom();
        return LongStream.generate(random::nextLong).limit(CASES);
    }

    @ParameterizedTest(name = "seed {0} case {index}")
    @MethodSource("seeds")
    void invariants_hold_for_random_ports_policies_and_names(long seed) {
        try {
            checkInvariants(new Random(seed));
        } catch (AssertionError failure) {
            // Surefire reports a parameterized test by index, not by display name, so the seed goes in the message.
            throw new AssertionError("seed " + seed + " (replay: -Dport.seed=" + seed + "): " + failure.getMessage(),
                    failure);
        }
    }

    private static void checkInvariants(Random random) {

        numbersAreValidExactlyWhenZeroOrAbove1024(drawPortValue(random));
        textIsReadLikeTheNumberItShows(drawPortValue(random));
        registryValuesAreValidOnlyWhenEqualAndValid(random);

        var policy = drawPolicy(random);
        var peers = drawPeers(random, policy);
        var inUse = drawPortsInUse(random, policy);
        policyCheckMatchesItsDefinition(policy, peers, drawValidPort(random, policy));
        suggestionPassesThePolicyAndIsFree(policy, peers, inUse);
        suggestionForALoneServerIsTheLowestFreePort(policy, inUse);

        var port = drawValidPort(random, policy);
        var connector = random.nextInt(4) == 0 ? ConnectorKind.NOVELL_GROUPWISE : ConnectorKind.LOTUS_DOMINO;
        var plan = new FirewallPlan(new FirewallEndpoint("EXCH" + random.nextInt(100), "10.0.0." + random.nextInt(256)),
                new FirewallEndpoint("PARTNER" + random.nextInt(100), "10.0.1." + random.nextInt(256)), connector, port);
        firewallPlanOpensExactly135AndThePortOrTheDynamicRange(plan);
        netshCommandsMatchTheRules(plan);
        csvHasOneParsableLinePerRule(plan);

        for (var i = 0; i < 10; i++) {
            dominoCommandHasSevenTokensOrIsRefused(drawName(random), drawName(random), port, random.nextInt(4) - 1);
        }
    }

    private static void numbersAreValidExactlyWhenZeroOrAbove1024(long value) {
        var check = PortRules.check(value);
        var expectedValid = value == 0 || (value >= 1025 && value <= 65535);

        assertThat(check.isValid()).as("valid(%d)", value).isEqualTo(expectedValid);
        if (check.isValid()) {
            var port = check.validPort().orElseThrow().value();
            assertThat(port).isEqualTo((int) value);
            assertThat(port == 0 || (port >= 1025 && port <= 65535)).isTrue();
        } else {
            assertThat(check.refusals()).singleElement().extracting(PortRefusal::reason)
                    .isEqualTo(value < 0 || value > 65535 ? PortRefusalReason.OUT_OF_RANGE
                            : PortRefusalReason.NOT_ABOVE_1024);
            assertThatThrownBy(() -> new RpcPort((int) value)).isInstanceOf(RefusedException.class);
        }
    }

    private static void textIsReadLikeTheNumberItShows(long value) {
        assertThat(PortRules.parse(" " + value + "\t")).isEqualTo(PortRules.check(value));
    }

    private static void registryValuesAreValidOnlyWhenEqualAndValid(Random random) {
        var exchangeSide = drawPortValue(random);
        var notesSide = random.nextBoolean() ? exchangeSide : drawPortValue(random);
        var check = PortRules.checkRegistryValues(exchangeSide, notesSide);

        assertThat(check.isValid()).isEqualTo(exchangeSide == notesSide && PortRules.check(exchangeSide).isValid());
        assertThat(check.refusals().stream().anyMatch(r -> r.reason() == PortRefusalReason.VALUES_DIFFER))
                .isEqualTo(exchangeSide != notesSide);
    }

    private static void policyCheckMatchesItsDefinition(PortPolicy policy, PeerPorts peers, RpcPort port) {
        var allowedByRanges = port.isDynamic()
                ? policy.dynamicAllowed()
                : policy.allowedRanges().stream().anyMatch(range -> range.contains(port.value()))
                        && !policy.reservedPorts().contains(port.value());
        var mustEqual = switch (policy.scope()) {
            case PER_SERVER -> Set.<RpcPort>of();
            case PER_SITE -> peers.onSite();
            case FLEET_WIDE -> union(peers.onSite(), peers.inFleet());
        };
        var agreesWithPeers = mustEqual.stream().allMatch(port::equals);

        var check = policy.check(port, peers);
        assertThat(check.isValid()).as("policy %s, peers %s, port %s", policy, peers, port)
                .isEqualTo(allowedByRanges && agreesWithPeers);
        check.validPort().ifPresent(valid -> assertThat(valid.value() == 0
                || (valid.value() >= 1025 && valid.value() <= 65535)).isTrue());
    }

    private static void suggestionPassesThePolicyAndIsFree(PortPolicy policy, PeerPorts peers, Set<Integer> inUse) {
        policy.suggest(inUse, peers).ifPresent(port -> {
            assertThat(policy.check(port, peers).isValid()).as("suggested %s", port).isTrue();
            assertThat(policy.reservedPorts()).doesNotContain(port.value());
            if (!port.isDynamic()) {
                assertThat(inUse).doesNotContain(port.value());
            }
        });
    }

    private static void suggestionForALoneServerIsTheLowestFreePort(PortPolicy policy, Set<Integer> inUse) {
        var free = policy.allowedRanges().stream()
                .flatMapToInt(range -> IntStream.rangeClosed(range.from(), range.to()))
                .filter(p -> !policy.reservedPorts().contains(p) && !inUse.contains(p))
                .min();

        var suggestion = policy.suggest(inUse);
        if (free.isPresent()) {
            assertThat(suggestion).contains(RpcPort.of(free.getAsInt()));
        } else {
            assertThat(suggestion).isEmpty();
        }
    }

    private static void firewallPlanOpensExactly135AndThePortOrTheDynamicRange(FirewallPlan plan) {
        var expectedPorts = plan.port().isDynamic() || plan.connector() == ConnectorKind.NOVELL_GROUPWISE
                ? Set.of("135", "1025-65535")
                : Set.of("135", plan.port().text());

        assertThat(plan.rules()).hasSize(4).allSatisfy(rule -> {
            assertThat(rule.protocol()).isEqualTo("TCP");
            assertThat(rule.from()).isNotEqualTo(rule.to());
            assertThat(Set.of(rule.from(), rule.to())).containsExactlyInAnyOrder(plan.exchange(), plan.partner());
        });
        assertThat(plan.rules().stream().map(FirewallRule::ports).collect(Collectors.toSet())).isEqualTo(expectedPorts);
        for (var direction : FlowDirection.BETWEEN_SERVERS) {
            assertThat(plan.rules().stream().filter(rule -> rule.direction() == direction).map(FirewallRule::ports)
                    .collect(Collectors.toSet())).isEqualTo(expectedPorts);
        }
    }

    private static void netshCommandsMatchTheRules(FirewallPlan plan) {
        var commands = NetshCommands.forPlan(plan);
        var hosts = plan.connector() == ConnectorKind.LOTUS_DOMINO
                ? Set.of(plan.exchange(), plan.partner())
                : Set.of(plan.exchange());

        assertThat(commands).hasSize(4 * hosts.size());
        for (var command : commands) {
            var line = command.commandLine();
            var other = command.runOn().equals(plan.exchange()) ? plan.partner() : plan.exchange();
            assertThat(hosts).contains(command.runOn());
            assertThat(line).startsWith("netsh advfirewall firewall add rule name=\"CalCon RPC (on "
                    + command.runOn().name() + ") ");
            assertThat(line).contains(" action=allow protocol=TCP ").endsWith(" remoteip=" + other.address());
            if (line.contains(" dir=in ")) {
                assertThat(line).containsPattern(" localport=(135|[0-9]+(-[0-9]+)?) ").doesNotContain("remoteport=");
            } else {
                assertThat(line).contains(" dir=out ").containsPattern(" remoteport=(135|[0-9]+(-[0-9]+)?) ")
                        .doesNotContain("localport=");
            }
        }
    }

    private static void csvHasOneParsableLinePerRule(FirewallPlan plan) {
        var csv = FirewallCsv.render(plan);

        assertThat(csv).endsWith("\r\n");
        var lines = csv.substring(0, csv.length() - 2).split("\r\n", -1);
        assertThat(lines).hasSize(plan.rules().size() + 1);
        assertThat(lines[0]).isEqualTo(FirewallCsv.HEADER);
        for (var i = 0; i < plan.rules().size(); i++) {
            var rule = plan.rules().get(i);
            var partner = plan.connector().partnerName();
            var direction = rule.direction() == FlowDirection.EXCHANGE_TO_PARTNER
                    ? "Exchange to " + partner
                    : partner + " to Exchange";
            assertThat(parseCsvLine(lines[i + 1])).containsExactly(direction, rule.from().name(), rule.from().address(), rule.to().name(),
                    rule.to().address(), rule.protocol(), rule.ports(), rule.purpose().englishText());
        }
    }

    private static void dominoCommandHasSevenTokensOrIsRefused(String exchangeServer, String calendarSystem,
            RpcPort port, int debugFlag) {
        var refusals = LoadExcalconCommand.refusalsFor(exchangeServer, calendarSystem, debugFlag);
        var expectedAccepted = SAFE_NAME.matcher(exchangeServer).matches()
                && SAFE_NAME.matcher(calendarSystem).matches() && (debugFlag == 0 || debugFlag == 1);

        assertThat(refusals.isEmpty()).as("refusals for [%s] [%s] %d: %s", exchangeServer, calendarSystem, debugFlag,
                refusals).isEqualTo(expectedAccepted);
        if (refusals.isEmpty()) {
            var tokens = new LoadExcalconCommand(exchangeServer, calendarSystem, port, debugFlag).text().split(" ", -1);
            assertThat(tokens).containsExactly("LOAD", "EXCALCON", exchangeServer, calendarSystem, port.text(),
                    port.text(), Integer.toString(debugFlag));
        } else {
            assertThatThrownBy(() -> new LoadExcalconCommand(exchangeServer, calendarSystem, port, debugFlag))
                    .isInstanceOf(RefusedException.class);
        }
    }

    private static long drawPortValue(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> BOUNDARIES[random.nextInt(BOUNDARIES.length)];
            case 1 -> random.nextInt(-2000, 70001);
            default -> random.nextInt(1025, 65536);
        };
    }

    private static PortPolicy drawPolicy(Random random) {
        var ranges = new ArrayList<PortRange>();
        var reserved = new HashSet<Integer>();
        for (var i = 0; i < 1 + random.nextInt(3); i++) {
            var from = random.nextInt(1025, 65536);
            var to = Math.min(65535, from + random.nextInt(random.nextBoolean() ? 3 : 300));
            ranges.add(new PortRange(from, to));
            for (var j = 0; j < random.nextInt(4); j++) {
                reserved.add(random.nextInt(from, to + 1));
            }
        }
        if (random.nextBoolean()) {
            reserved.add(random.nextInt(1025, 65536));
        }
        var scope = PortScope.values()[random.nextInt(PortScope.values().length)];
        return new PortPolicy(ranges, reserved, random.nextBoolean(), scope);
    }

    private static PeerPorts drawPeers(Random random, PortPolicy policy) {
        return new PeerPorts("site" + random.nextInt(10), drawPeerPorts(random, policy), drawPeerPorts(random, policy));
    }

    private static Set<RpcPort> drawPeerPorts(Random random, PortPolicy policy) {
        var ports = new HashSet<RpcPort>();
        var count = random.nextInt(4) == 0 ? 2 : random.nextInt(2);
        for (var i = 0; i < count; i++) {
            ports.add(drawValidPort(random, policy));
        }
        return ports;
    }

    private static RpcPort drawValidPort(Random random, PortPolicy policy) {
        return switch (random.nextInt(4)) {
            case 0 -> RpcPort.DYNAMIC;
            case 1 -> RpcPort.of(random.nextInt(1025, 65536));
            default -> {
                var range = policy.allowedRanges().get(random.nextInt(policy.allowedRanges().size()));
                yield RpcPort.of(random.nextInt(range.from(), range.to() + 1));
            }
        };
    }

    private static Set<Integer> drawPortsInUse(Random random, PortPolicy policy) {
        var inUse = new TreeSet<>(Set.of(135, 445));
        for (var range : policy.allowedRanges()) {
            var share = random.nextInt(4) == 0 ? 1.0 : random.nextDouble() * 0.5;
            IntStream.rangeClosed(range.from(), range.to()).filter(p -> random.nextDouble() < share).forEach(inUse::add);
        }
        return inUse;
    }

    private static String drawName(Random random) {
        var safe = "EXCH" + random.nextInt(1000) + (random.nextBoolean() ? ".corp.example.com" : "");
        switch (random.nextInt(3)) {
            case 0:
                return safe;
            case 1:
                var at = random.nextInt(safe.length() + 1);
                return safe.substring(0, at) + NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length()))
                        + safe.substring(at);
            default:
                break;
        }
        var length = random.nextInt(8);
        var name = new StringBuilder();
        for (var i = 0; i < length; i++) {
            name.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
        }
        return name.toString();
    }

    private static <T> Set<T> union(Set<T> first, Set<T> second) {
        var all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** A reader for one RFC 4180 record without line breaks in fields, written apart from FirewallCsv. */
    private static List<String> parseCsvLine(String line) {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.length(); i++) {
            var c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
