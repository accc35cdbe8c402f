package org.calconfleet.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LatinSentencesTest {

    private static final LatinSentences NONE_ALLOWED = LatinSentences.allowing();

    @Test
    void an_english_sentence_in_japanese_text_is_found() {
        assertThat(NONE_ALLOWED.in("ジョブ #12: Waiting for approval（3 台）"))
                .extracting(LatinSentences.Found::text).containsExactly("Waiting for approval");
    }

    @Test
    void words_apart_by_a_comma_or_colon_are_one_sentence() {
        assertThat(NONE_ALLOWED.in("結果: Done, verified: port changed"))
                .extracting(LatinSentences.Found::text).containsExactly("Done, verified: port changed");
    }

    @Test
    void iso_utc_times_are_found_with_or_without_fractions_of_a_second() {
        assertThat(NONE_ALLOWED.in("開始 2026-12-04T10:15:30Z、終了 2026-12-04T10:15:31.123456Z"))
                .extracting(LatinSentences.Found::text)
                .containsExactly("2026-12-04T10:15:30Z", "2026-12-04T10:15:31.123456Z");
    }

    @Test
    void japanese_text_with_single_latin_names_numbers_and_local_times_passes() {
        assertThat(NONE_ALLOWED.in("ポート 45002 に変更しました。Domino の EXCALCON を再読み込み\n"
                + "2026/12/04 19:15:30 JST\tCalCon\tREG_DWORD 45002\tOSA-EXC04 OSA-EXC05")).isEmpty();
    }

    @Test
    void two_words_are_not_a_sentence_but_three_are() {
        assertThat(NONE_ALLOWED.in("Port changed")).isEmpty();
        assertThat(NONE_ALLOWED.in("Port changed today")).hasSize(1);
    }

    @Test
    void words_in_separate_cells_or_lines_are_not_one_sentence() {
        assertThat(NONE_ALLOWED.in("Domino\nExchange\tWindows\nServer")).isEmpty();
    }

    @Test
    void allowed_tokens_are_taken_out_and_break_the_run_of_words_around_them() {
        LatinSentences allowed = LatinSentences.allowing("Pin Osaka to the new firewall rule", "LOAD EXCALCON",
                "2026-12-04T10:15:30Z").and(Pattern.compile("netsh advfirewall[^\\n]*"));

        assertThat(allowed.in("理由: Pin Osaka to the new firewall rule\n"
                + "netsh advfirewall firewall add rule name=\"CalCon RPC\" dir=in action=allow\n"
                + "コマンド: LOAD EXCALCON、ユーザーの入力 2026-12-04T10:15:30Z")).isEmpty();
        assertThat(allowed.in("Pin Osaka to the new firewall rule was refused by policy"))
                .extracting(LatinSentences.Found::text).containsExactly("was refused by policy");
    }

    @Test
    void a_longer_allowed_text_is_taken_out_before_a_shorter_one_inside_it_whatever_the_order_given() {
        LatinSentences allowed = LatinSentences.allowing("OSA-EXC10")
                .and("LOAD EXCALCON OSA-EXC10 with the calendar system");

        assertThat(allowed.in("コマンド: LOAD EXCALCON OSA-EXC10 with the calendar system")).isEmpty();
    }

    @Test
    void the_assertion_names_the_page_and_each_fragment_found() {
        assertThatThrownBy(() -> NONE_ALLOWED.assertNoneIn("状態: Waiting for approval、2026-12-04T10:15:30Z",
                "jobs (ja)"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("jobs (ja)")
                .hasMessageContaining("\"Waiting for approval\"")
                .hasMessageContaining("\"2026-12-04T10:15:30Z\"");
    }
}
