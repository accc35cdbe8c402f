package org.calconfleet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuditChainTest {

    static Stream<AuditEvent> events() {
        return Stream.of(
                AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:TKY-EXC01")
                        .change("desiredPort=0", "desiredPort=45001").because("CHG-1"),
                AuditEvent.of("bob", AuditAction.POLICY_CHANGED, "policy"),
                AuditEvent.of("山田", AuditAction.SERVER_UPDATED, "server:大阪-EXC")
                        .change("site=東京", "site=Zürich 😀").because("理由: 移行"),
                AuditEvent.of("carol", AuditAction.SIGN_IN, "x".repeat(255))
                        .change("a\uD800b", "é".repeat(1500)).because(""));
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_hash_is_sha256_of_the_previous_hash_and_the_length_prefixed_fields_as_the_chain_always_wrote_it(
            AuditEvent event) throws Exception {
        String prev = "3f".repeat(32);
        AuditEntry entry = AuditEntries.chained(1234, Instant.parse("2026-12-06T01:02:03.456Z"), event, prev);

        assertThat(entry.getHash()).isEqualTo(definition(prev, entry));
        assertThat(new AuditChain().verifies(prev, entry)).isTrue();
        assertThat(new AuditChain().verifies("3e".repeat(32), entry)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("events")
    void a_stored_hash_in_any_other_spelling_does_not_verify(AuditEvent event) {
        AuditEntry entry = AuditEntries.chained(7, Instant.EPOCH, event, AuditChain.GENESIS);
        AuditChain chain = new AuditChain();

        assertThat(chain.verifies(AuditChain.GENESIS, copyWithHash(entry, entry.getHash().toUpperCase()))).isFalse();
        assertThat(chain.verifies(AuditChain.GENESIS, copyWithHash(entry, entry.getHash() + "0"))).isFalse();
        assertThat(chain.verifies(AuditChain.GENESIS, copyWithHash(entry, entry.getHash().substring(1)))).isFalse();
        assertThat(chain.verifies(AuditChain.GENESIS, entry)).isTrue();
    }

    static Stream<Instant> instants() {
        Random random = new Random(18);
        Stream<Instant> edges = Stream.of("1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z",
                "-0001-06-30T12:00:00Z", "2024-02-29T23:59:59.5Z", "2026-12-07T01:02:03.450Z",
                "2026-12-07T01:02:03.000450Z", "2026-12-07T01:02:03.000000450Z", "2026-12-07T01:02:03.123456789Z",
                "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z").map(Instant::parse);
        Stream<Instant> spread = Stream.generate(() -> Instant.ofEpochSecond(
                random.nextLong(-100_000_000_000L, 300_000_000_000L), switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> random.nextInt(1000) * 1_000_000;
                    case 2 -> random.nextInt(1_000_000) * 1_000;
                    default -> random.nextInt(1_000_000_000);
                })).limit(300);
        return Stream.concat(edges, spread);
    }

    @ParameterizedTest
    @MethodSource("instants")
    void an_instant_and_a_sequence_number_are_hashed_as_their_strings_were(Instant occurredAt) throws Exception {
        String prev = "0a".repeat(32);
        AuditEvent event = AuditEvent.of("alice", AuditAction.SERVER_UPDATED, "server:TKY-EXC01");
        for (long seq : new long[] {0, 7, 10, 99_999, 1_000_000, Long.MAX_VALUE, -1}) {
            AuditEntry entry = AuditEntries.chained(seq, occurredAt, event, prev);

            assertThat(entry.getHash()).as("%s at %d", occurredAt, seq).isEqualTo(definition(prev, entry));
        }
    }

    private static AuditEntry copyWithHash(AuditEntry entry, String hash) {
        return new AuditEntry(entry.getSeq(), entry.getOccurredAt(), entry.getActor(), entry.getAction(),
                entry.getSubject(), entry.getBefore(), entry.getAfter(), entry.getReason(), entry.getPrevHash(), hash);
    }

    /** The format as first written: a string, hashed as UTF-8. Chains written since then must still verify. */
    private static String definition(String prev, AuditEntry entry) throws Exception {
        StringBuilder text = new StringBuilder(prev);
        for (String value : new String[] {Long.toString(entry.getSeq()), entry.getOccurredAt().toString(),
                entry.getActor(), entry.getAction().name(), entry.getSubject(), entry.getBefore(), entry.getAfter(),
                entry.getReason()}) {
            field(text, value);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder text, @Nullable String value) {
        text.append(value == null ? "-" : value.length() + ":" + value).append(';');
    }
}
