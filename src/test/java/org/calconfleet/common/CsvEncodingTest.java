package org.calconfleet.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvEncodingTest {

    private static final String TEXT = "サイト,メモ\r\n大阪,予定表\r\n";
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    @Test
    void a_byte_order_mark_names_the_encoding_and_is_not_part_of_the_text() {
        assertThat(CsvEncoding.detect(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new CsvEncoding.Decoded(CsvEncoding.UTF_8, TEXT));
        assertThat(CsvEncoding.detect(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16LE)))
                .isEqualTo(new CsvEncoding.Decoded(CsvEncoding.UTF_16, TEXT));
        assertThat(CsvEncoding.detect(("\uFEFF" + TEXT).getBytes(StandardCharsets.UTF_16BE)))
                .isEqualTo(new CsvEncoding.Decoded(CsvEncoding.UTF_16, TEXT));
    }

    @Test
    void without_a_byte_order_mark_utf_8_is_tried_first_and_cp932_second() {
        assertThat(CsvEncoding.detect(TEXT.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new CsvEncoding.Decoded(CsvEncoding.UTF_8, TEXT));
        assertThat(CsvEncoding.detect(TEXT.getBytes(WINDOWS_31J)))
                .isEqualTo(new CsvEncoding.Decoded(CsvEncoding.CP932, TEXT));
        assertThat(CsvEncoding.detect("host,site\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new CsvEncoding.Decoded(CsvEncoding.UTF_8, "host,site\r\n"));
    }

    @Test
    void decoding_is_strict_and_names_the_line_of_the_first_foreign_byte() {
        byte[] cp932 = TEXT.getBytes(WINDOWS_31J);

        assertThat(CsvEncoding.UTF_8.decode(cp932)).isEqualTo(new CsvEncoding.Undecodable(CsvEncoding.UTF_8, 1));
        byte[] brokenOnLine3 = ("大阪\r\nb\r\n" + "c\u0000d").getBytes(WINDOWS_31J);
        brokenOnLine3[brokenOnLine3.length - 2] = (byte) 0xFD;
        assertThat(CsvEncoding.detect(brokenOnLine3)).isEqualTo(new CsvEncoding.Undecodable(CsvEncoding.CP932, 3));
    }

    @Test
    void utf_8_is_written_with_the_byte_order_mark_excel_looks_for_and_cp932_without() throws Exception {
        assertThat(CsvEncoding.UTF_8.encode("a")).containsExactly(0xEF, 0xBB, 0xBF, 'a');
        assertThat(CsvEncoding.CP932.encode("予定")).containsExactly("予定".getBytes(WINDOWS_31J));
    }

    @Test
    void a_character_cp932_cannot_hold_fails_the_writer_and_is_found_by_line_beforehand() {
        String text = "ok\r\nok\r\nsmile 🙂\r\n";

        assertThat(CsvEncoding.CP932.lineNotWritable(text)).contains(3);
        assertThat(CsvEncoding.CP932.lineNotWritable(TEXT)).isEmpty();
        assertThat(CsvEncoding.UTF_8.lineNotWritable(text)).isEmpty();
        assertThatThrownBy(() -> {
            try (Writer out = CsvEncoding.CP932.writer(new ByteArrayOutputStream())) {
                out.write(text);
            }
        }).isInstanceOf(CharacterCodingException.class);
    }
}
