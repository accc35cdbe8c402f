package org.calconfleet.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.calconfleet.port.PortRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTextTest {

    @Test
    void ranges_and_single_ports_are_read_sorted_and_each_once() {
        assertThat(PolicyText.ranges("46100, 45000-45999,46100").orElseThrow())
                .containsExactly(new PortRange(45000, 45999), PortRange.single(46100));
    }

    @ParameterizedTest(name = "\"{0}\" is allowed")
    @ValueSource(strings = {"1025", "65535", "1025-65535", "1025-1025", "65535-65535", "45000 - 45999", "45000~45999",
            "45000〜45999", "４５０００－４５９９９", "45000、46100", "45000;46100", "45000\n46100", " 45000 ,", ",45000,,"})
    void the_boundaries_and_the_usual_spellings_are_allowed(String text) {
        assertThat(PolicyText.ranges(text).isValid()).isTrue();
    }

    @Test
    void full_width_digits_and_the_wave_dash_read_as_the_same_range() {
        assertThat(PolicyText.ranges("４５０００〜４５９９９").orElseThrow()).containsExactly(new PortRange(45000, 45999));
    }

    static Stream<Arguments> refusedRanges() {
        return Stream.of(
                Arguments.of("1024", PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, List.of("1024", "1")),
                Arguments.of("65536", PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, List.of("65536", "1")),
                Arguments.of("0", PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, List.of("0", "1")),
                Arguments.of("1024-2000", PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, List.of("1024-2000", "1")),
                Arguments.of("45000-65536", PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, List.of("45000-65536", "1")),
                Arguments.of("99999999999999999999", PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS,
                        List.of("99999999999999999999", "1")),
                Arguments.of("45001-45000", PolicyRefusalReason.RANGE_REVERSED, List.of("45001-45000", "1")),
                Arguments.of("45000-45999, abc", PolicyRefusalReason.RANGE_SYNTAX, List.of("abc", "14")),
                Arguments.of("-45000", PolicyRefusalReason.RANGE_SYNTAX, List.of("-45000", "1")),
                Arguments.of("45000-", PolicyRefusalReason.RANGE_SYNTAX, List.of("45000-", "1")),
                Arguments.of("45000 46000", PolicyRefusalReason.RANGE_SYNTAX, List.of("45000 46000", "1")),
                Arguments.of("45000-45999-46000", PolicyRefusalReason.RANGE_SYNTAX, List.of("45000-45999-46000", "1")),
                Arguments.of("45.000", PolicyRefusalReason.RANGE_SYNTAX, List.of("45.000", "1")),
                Arguments.of("", PolicyRefusalReason.NO_RANGE, List.of()),
                Arguments.of(" , ;\n", PolicyRefusalReason.NO_RANGE, List.of()));
    }

    @ParameterizedTest(name = "\"{0}\" is refused: {1}")
    @MethodSource("refusedRanges")
    void a_refused_range_says_why_and_where(String text, PolicyRefusalReason reason, List<String> arguments) {
        assertThat(PolicyText.ranges(text).refusals()).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo(PolicyField.ALLOWED_RANGES);
            assertThat(refusal.reason()).isEqualTo(reason);
            assertThat(refusal.arguments()).isEqualTo(arguments);
        });
    }

    @Test
    void every_bad_item_is_reported_with_its_own_position_in_characters() {
        var refusals = PolicyText.ranges("abc, 1024,\t46000-45000, 45000-45999").refusals();

        assertThat(refusals).extracting(PolicyRefusal::reason).containsExactly(PolicyRefusalReason.RANGE_SYNTAX,
                PolicyRefusalReason.RANGE_OUTSIDE_BOUNDS, PolicyRefusalReason.RANGE_REVERSED);
        assertThat(refusals).extracting(refusal -> refusal.arguments().get(1)).containsExactly("1", "6", "12");
    }

    @Test
    void positions_count_characters_not_utf_16_units() {
        assertThat(PolicyText.ranges("🙂, 1024").refusals())
                .extracting(refusal -> refusal.arguments().get(1)).containsExactly("1", "4");
    }

    @Test
    void reserved_ports_are_single_pinned_ports() {
        assertThat(PolicyText.reservedPorts("45501, 45500,1025,65535").orElseThrow())
                .containsExactlyInAnyOrder(45500, 45501, 1025, 65535);
        assertThat(PolicyText.reservedPorts("  ").orElseThrow()).isEmpty();

        var refusals = PolicyText.reservedPorts("0, 1024, 65536, 45000-45010, x").refusals();
        assertThat(refusals).extracting(PolicyRefusal::reason).containsOnly(PolicyRefusalReason.RESERVED_NOT_A_PORT);
        assertThat(refusals).extracting(PolicyRefusal::arguments).containsExactly(List.of("0", "1"),
                List.of("1024", "4"), List.of("65536", "10"), List.of("45000-45010", "17"), List.of("x", "30"));
    }

    @Test
    void addresses_are_kept_in_order_once_each_and_checked() {
        assertThat(PolicyText.addresses("noc@example.co.jp, Ops@Example.com; ops@example.com\nsec-team+calcon@example.org")
                .orElseThrow()).containsExactly("noc@example.co.jp", "Ops@Example.com", "sec-team+calcon@example.org");
        assertThat(PolicyText.addresses("ops＠example.com").orElseThrow()).containsExactly("ops@example.com");
        assertThat(PolicyText.addresses("").orElseThrow()).isEmpty();

        assertThat(PolicyText.addresses("ops@example, @example.com, ops.example.com, ops@@example.com, "
                + "Ops <ops@example.com>, .ops@example.com, ops@-example.com").refusals())
                .extracting(refusal -> refusal.arguments().getFirst())
                .containsExactly("ops@example", "@example.com", "ops.example.com", "ops@@example.com", "Ops", "<ops@example.com>",
                        ".ops@example.com", "ops@-example.com");
    }

    @Test
    void the_drift_interval_is_whole_minutes_from_1_to_1440() {
        assertThat(PolicyText.driftScanMinutes(1)).isEmpty();
        assertThat(PolicyText.driftScanMinutes(1440)).isEmpty();
        assertThat(PolicyText.driftScanMinutes(0)).extracting(PolicyRefusal::arguments).containsExactly(List.of("0"));
        assertThat(PolicyText.driftScanMinutes(1441)).extracting(PolicyRefusal::reason)
                .containsExactly(PolicyRefusalReason.DRIFT_INTERVAL_OUTSIDE_BOUNDS);
        assertThat(PolicyText.driftScanMinutes(-5)).hasSize(1);
        assertThat(PolicyText.driftScanMinutes(null)).extracting(PolicyRefusal::reason)
                .containsExactly(PolicyRefusalReason.DRIFT_INTERVAL_MISSING);
        assertThat(PolicyText.driftScanInterval(Duration.ofSeconds(90))).extracting(PolicyRefusal::arguments)
                .containsExactly(List.of("1.5"));
        assertThat(PolicyText.driftScanInterval(Duration.ofDays(100_000_000))).hasSize(1);
    }

    @Test
    void a_reason_is_required_and_fits_the_audit_trail() {
        assertThat(PolicyText.reason(" \t")).extracting(PolicyRefusal::reason)
                .containsExactly(PolicyRefusalReason.REASON_BLANK);
        assertThat(PolicyText.reason("x".repeat(PolicyText.MAX_REASON_LENGTH))).isEmpty();
        assertThat(PolicyText.reason("x".repeat(PolicyText.MAX_REASON_LENGTH + 1))).singleElement()
                .satisfies(refusal -> {
                    assertThat(refusal.reason()).isEqualTo(PolicyRefusalReason.TEXT_TOO_LONG);
                    assertThat(refusal.arguments()).containsExactly("1001", "1000");
                });
    }

    static LongStream seeds() {
        var replay = System.getProperty("policy.seed");
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.strip()));
        }
        return LongStream.generate(new SplittableRandom()::nextLong).limit(200);
    }

    /** Replay a failure with {@code -Dpolicy.seed=<seed>}. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void written_ranges_read_back_as_the_same_ranges_however_they_are_spaced(long seed) {
        var random = new Random(seed);
        var ranges = new ArrayList<PortRange>();
        for (int i = random.nextInt(6) + 1; i > 0; i--) {
            int from = 1025 + random.nextInt(65535 - 1025 + 1);
            int to = random.nextBoolean() ? from : from + random.nextInt(65535 - from + 1);
            ranges.add(new PortRange(from, to));
        }
        var separators = List.of(",", ", ", " ; ", "\n", "、", ",,");
        var text = new StringBuilder();
        for (var range : ranges) {
            text.append(separators.get(random.nextInt(separators.size())))
                    .append(random.nextBoolean() ? range.text() : range.text().replace("-", " ~ "));
        }

        var parsed = PolicyText.ranges(text.toString());

        var expected = new TreeSet<>(java.util.Comparator.comparingInt(PortRange::from).thenComparingInt(PortRange::to));
        expected.addAll(ranges);
        assertThat(parsed.orElseThrow()).as("seed %d: %s", seed, text).containsExactlyElementsOf(expected);
        assertThat(PolicyText.ranges(PolicyText.rangesText(parsed.orElseThrow(), ",")).orElseThrow())
                .isEqualTo(parsed.orElseThrow());
    }
}
