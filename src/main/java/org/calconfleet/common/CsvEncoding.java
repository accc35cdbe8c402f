package org.calconfleet.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The encodings CSV files travel in between the console and spreadsheets: UTF-8 (Excel wants its byte-order mark to
 * recognise it), UTF-16 with a byte-order mark (Excel's "Unicode text"), and CP932, the Windows form of Shift_JIS that
 * Japanese Excel writes for "CSV (comma delimited)". Decoding is strict: a byte that does not belong to the encoding
 * is an error with its line, never a replacement character.
 */
public enum CsvEncoding {
    UTF_8(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
    UTF_16(StandardCharsets.UTF_16, new byte[0]),
    CP932(Charset.forName("windows-31j"), new byte[0]);

    /** What an export may be written in; UTF-16 is only read. */
    public static final List<CsvEncoding> EXPORTS = List.of(UTF_8, CP932);

    private static final byte[] UTF_16_BE_MARK = {(byte) 0xFE, (byte) 0xFF};
    private static final byte[] UTF_16_LE_MARK = {(byte) 0xFF, (byte) 0xFE};

    private final Charset charset;
    private final byte[] byteOrderMark;

    CsvEncoding(Charset charset, byte[] byteOrderMark) {
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
    }

    /** The file's text, or why it is not text in this encoding. */
    public sealed interface Decoding permits Decoded, Undecodable {
        CsvEncoding encoding();
    }

    public record Decoded(CsvEncoding encoding, String text) implements Decoding {
    }

    /** The first byte that is not of the encoding sits on this line (1-based) of the text as far as it decoded. */
    public record Undecodable(CsvEncoding encoding, int line) implements Decoding {
    }

    /**
     * The file's encoding as far as its bytes tell: a byte-order mark names it; without one UTF-8 is tried before
     * CP932, because text that is valid UTF-8 beyond plain ASCII is almost never meant as CP932. When neither decodes,
     * the answer is the failure that got furthest into the file, the likelier encoding with its broken line.
     */
    public static Decoding detect(byte[] file) {
        if (startsWith(file, UTF_8.byteOrderMark)) {
            return UTF_8.decode(file);
        }
        if (startsWith(file, UTF_16_BE_MARK) || startsWith(file, UTF_16_LE_MARK)) {
            return UTF_16.decode(file);
        }
        List<Undecodable> failures = new ArrayList<>();
        for (CsvEncoding candidate : List.of(UTF_8, CP932)) {
            Decoding decoding = candidate.decode(file);
            if (decoding instanceof Decoded) {
                return decoding;
            }
            failures.add((Undecodable) decoding);
        }
        return failures.stream().max((a, b) -> Integer.compare(a.line(), b.line())).orElseThrow();
    }

    /** The file read strictly in this encoding, its byte-order mark (if any) dropped. */
    public Decoding decode(byte[] file) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file);
        CharBuffer out = CharBuffer.allocate((int) (file.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            return new Undecodable(this, lineBreaks(out) + 1);
        }
        String text = out.toString();
        return new Decoded(this, text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /**
     * A writer of this encoding that starts with the byte-order mark Excel looks for, and that fails on a character
     * the encoding cannot hold instead of writing {@code ?} for it.
     */
    public Writer writer(OutputStream out) throws IOException {
        out.write(byteOrderMark);
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new OutputStreamWriter(out, encoder);
    }

    /** A whole file's bytes, as {@link #writer} writes them. */
    public byte[] encode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = writer(bytes)) {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first line (1-based) of the text holding a character this encoding cannot write, if any. */
    public Optional<Integer> lineNotWritable(String text) {
        CharsetEncoder encoder = charset.newEncoder();
        int line = 1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = Character.toString(codePoint);
            if (!encoder.canEncode(character)) {
                return Optional.of(line);
            }
            if (codePoint == '\n') {
                line++;
            }
            i += character.length();
        }
        return Optional.empty();
    }

    /** The MIME name a download's content type gives. */
    public String mimeName() {
        return this == CP932 ? "Shift_JIS" : charset.name();
    }

    private static int lineBreaks(CharBuffer text) {
        int count = 0;
        for (int i = 0; i < text.limit(); i++) {
            if (text.get(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] file, byte[] prefix) {
        return prefix.length > 0 && file.length >= prefix.length
                && Arrays.equals(file, 0, prefix.length, prefix, 0, prefix.length);
    }
}
