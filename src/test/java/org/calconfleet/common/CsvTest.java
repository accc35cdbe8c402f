package org.calconfleet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fields_are_quoted_as_rfc_4180_asks() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("")).isEqualTo("");
        assertThat(Csv.field(null)).isEqualTo("");
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
        assertThat(Csv.field("line\nfeed")).isEqualTo("\"line\nfeed\"");
    }

    @Test
    void what_is_written_parses_back_to_the_same_fields() throws Exception {
        List<String> values = List.of("plain", "", "a,b", "say \"hi\"", "two\r\nlines", "東京");
        String text = Csv.line(Arrays.asList(values.toArray(String[]::new))) + Csv.line(List.of("x", "y"));

        List<Csv.Row> rows = Csv.parse(new StringReader(text));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).isEqualTo(values);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void lf_line_ends_blank_lines_and_a_byte_order_mark_are_accepted() throws Exception {
        List<Csv.Row> rows = Csv.parse(new StringReader("\uFEFFa,b\n\nc,d\n"));

        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 3);
        assertThat(rows.get(0).fields()).containsExactly("a", "b");
    }

    @Test
    void an_unclosed_quote_is_reported_with_its_line() {
        assertThatThrownBy(() -> Csv.parse(new StringReader("a,b\nc,\"never closed\n")))
                .isInstanceOfSatisfying(Csv.SyntaxException.class, e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void an_unquoted_empty_field_reads_back_as_null_and_a_quoted_one_as_empty_text() throws Exception {
        String line = String.join(",", Csv.nullableField(null), Csv.nullableField(""), Csv.nullableField("a,b"));

        assertThat(Csv.parseKeepingNulls(new StringReader(line)).getFirst().fields())
                .containsExactly(null, "", "a,b");
        assertThat(Csv.parse(new StringReader(line)).getFirst().fields()).containsExactly("", "", "a,b");
    }

    @Test
    void text_after_a_closing_quote_is_refused_with_the_line_of_its_record() {
        assertThatThrownBy(() -> Csv.parse(new StringReader("a,b\r\nc,d\r\n\"e\"f,g\r\n")))
                .isInstanceOfSatisfying(Csv.SyntaxException.class, e -> assertThat(e.line()).isEqualTo(3));
    }
}
