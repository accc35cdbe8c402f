package org.calconfleet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.calconfleet.change.ChangeAwaitingApproval;
import org.calconfleet.drift.DriftFound;
import org.calconfleet.i18n.Messages;
import org.junit.jupiter.api.Test;

class WaitingMailTextTest {

    private static WaitingMailText text(String languages) {
        Messages messages = new Messages();
        return new WaitingMailText(messages, new RolloutMailText(messages, languages, "https://calcon.example.test/"));
    }

    @Test
    void the_subject_is_in_the_first_language_and_the_body_in_each_one_after_the_other() {
        ChangeAwaitingApproval change = new ChangeAwaitingApproval(12, "oscar", "firewall", null,
                Instant.parse("2026-12-06T01:00:00Z"), List.of(new ChangeAwaitingApproval.Host(7, "EXCH-0007", 45041)));
        WaitingMailText japaneseFirst = text("ja,en");

        assertThat(japaneseFirst.subject(change)).isEqualTo("[CalCon] 変更 #12 が承認待ちです: ホスト 1 台");
        String body = japaneseFirst.body(change);
        assertThat(body.indexOf("- EXCH-0007: ポート 45041")).isLessThan(body.indexOf("- EXCH-0007: port 45041"));
        assertThat(body).contains("変更を開く: https://calcon.example.test/jobs/12",
                "Open the change: https://calcon.example.test/jobs/12").doesNotContain("Ticket:", "チケット:");
    }

    @Test
    void a_long_drift_lists_the_first_fifty_servers_and_counts_the_rest() {
        DriftFound drift = new DriftFound(Instant.parse("2026-12-06T01:00:00Z"), IntStream.rangeClosed(1, 52)
                .mapToObj(n -> new DriftFound.Server(n, "EXCH-%04d".formatted(n), n == 1 ? null : 45001, "45003/45003"))
                .toList());
        WaitingMailText english = text("en,ja");

        assertThat(english.subject(drift)).isEqualTo("[CalCon] Drift: 52 servers newly differ from their desired port");
        assertThat(english.body(drift)).contains("- EXCH-0001: desired -, observed 45003/45003",
                "- EXCH-0050: desired 45001, observed 45003/45003", "... and 2 more.", "…ほか 2 台。",
                "- EXCH-0050: 目的 45001、観測 45003/45003").doesNotContain("EXCH-0051");
    }
}
