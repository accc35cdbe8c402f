package org.calconfleet.audit;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash that links an entry to its predecessor: SHA-256 over the UTF-8 bytes of the previous hash followed by a
 * canonical form of the entry in which every field is written as its length in UTF-16 units, {@code ':'}, the
 * value and {@code ';'} (a null field as {@code "-;"}), so no two different entries share a canonical form.
 *
 * <p>An instance reuses one digest and one byte buffer, so walking a long chain allocates nothing per entry beyond
 * the text of the instant; it is not thread-safe.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final int HASH_BYTES = 32;
    /** 9999-12-31T23:59:59Z, the last second whose year {@link Instant#toString()} writes in four digits. */
    private static final long LAST_FOUR_DIGIT_YEAR_SECOND = 253_402_300_799L;
    /** The length of {@code 2026-12-07T01:02:03Z}. */
    private static final int ISO_SECOND_LENGTH = 20;
    private static final long SECONDS_PER_DAY = 86_400;

    /**
     * Reused by each thread's appends: the audit pump hashes thousands of entries a second, and a digest and a buffer
     * made for each of them were a third of the garbage it made.
     */
    private static final ThreadLocal<AuditChain> APPENDS = ThreadLocal.withInitial(AuditChain::new);

    private final MessageDigest digest;
    private final byte[] hashBytes = new byte[HASH_BYTES];
    private byte[] buffer = new byte[1024];
    private int length;

    AuditChain() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    static String hash(String prevHash, AuditEntry entry) {
        AuditChain chain = APPENDS.get();
        chain.digest(prevHash, entry);
        return HexFormat.of().formatHex(chain.hashBytes);
    }

    /** Whether {@code entry}'s stored hash is the hash of {@code prevHash} and the entry. */
    boolean verifies(String prevHash, AuditEntry entry) {
        digest(prevHash, entry);
        String stored = entry.getHash();
        if (stored.length() != 2 * HASH_BYTES) {
            return false;
        }
        for (int i = 0; i < HASH_BYTES; i++) {
            int high = hexDigit(stored.charAt(2 * i));
            int low = hexDigit(stored.charAt(2 * i + 1));
            if (high < 0 || low < 0 || (byte) (high << 4 | low) != hashBytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Lower-case only, as the chain writes it: any other spelling of the same bytes is a change. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** The bytes one entry's hash is computed over, for the benchmark's SHA-256 baseline. */
    byte[] hashedBytes(String prevHash, AuditEntry entry) {
        fill(prevHash, entry);
        return Arrays.copyOf(buffer, length);
    }

    private void digest(String prevHash, AuditEntry entry) {
        fill(prevHash, entry);
        digest.update(buffer, 0, length);
        try {
            digest.digest(hashBytes, 0, HASH_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("A SHA-256 digest fits in 32 bytes", e);
        }
    }

    private void fill(String prevHash, AuditEntry entry) {
        length = 0;
        text(prevHash);
        sequence(entry.getSeq());
        instant(entry.getOccurredAt());
        field(entry.getActor());
        field(entry.getAction().name());
        field(entry.getSubject());
        field(entry.getBefore());
        field(entry.getAfter());
        field(entry.getReason());
    }

    /** As {@code Long.toString} writes it, without making that string. */
    private void sequence(long seq) {
        if (seq < 0) {
            field(Long.toString(seq));
            return;
        }
        int width = decimalWidth(seq);
        number(width);
        ascii(':');
        digits(seq, width);
        ascii(';');
    }

    /**
     * As {@link Instant#toString()} writes it (the fraction in groups of three digits, as many as it needs), without
     * making that string for the instants of the years 1970 to 9999: the walk of a long chain spent more on the
     * strings of its instants than on hashing them.
     */
    private void instant(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > LAST_FOUR_DIGIT_YEAR_SECOND) {
            field(instant.toString());
            return;
        }
        int nanos = instant.getNano();
        int fraction = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        number(ISO_SECOND_LENGTH + (fraction == 0 ? 0 : 1 + fraction));
        ascii(':');
        LocalDate date = LocalDate.ofEpochDay(seconds / SECONDS_PER_DAY);
        int ofDay = (int) (seconds % SECONDS_PER_DAY);
        digits(date.getYear(), 4);
        ascii('-');
        digits(date.getMonthValue(), 2);
        ascii('-');
        digits(date.getDayOfMonth(), 2);
        ascii('T');
        digits(ofDay / 3600, 2);
        ascii(':');
        digits(ofDay / 60 % 60, 2);
        ascii(':');
        digits(ofDay % 60, 2);
        if (fraction > 0) {
            ascii('.');
            digits(switch (fraction) {
                case 3 -> nanos / 1_000_000;
                case 6 -> nanos / 1_000;
                default -> nanos;
            }, fraction);
        }
        ascii('Z');
        ascii(';');
    }

    /** {@code value}'s last {@code width} decimal digits, zeros in front where it has fewer. */
    private void digits(long value, int width) {
        room(width);
        long rest = value;
        for (int at = length + width - 1; at >= length; at--) {
            buffer[at] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += width;
    }

    private void field(@Nullable String value) {
        if (value == null) {
            ascii('-');
        } else {
            number(value.length());
            ascii(':');
            text(value);
        }
        ascii(';');
    }

    private void number(int value) {
        digits(value, decimalWidth(value));
    }

    /** How many decimal digits a value that is not negative has. */
    private static int decimalWidth(long value) {
        int width = 1;
        for (long rest = value; rest >= 10; rest /= 10) {
            width++;
        }
        return width;
    }

    private void ascii(char c) {
        room(1);
        buffer[length++] = (byte) c;
    }

    /** UTF-8 as {@link String#getBytes} writes it, a lone surrogate included (as {@code '?'}). */
    private void text(String value) {
        int chars = value.length();
        room(3 * chars);
        byte[] out = buffer;
        int at = length;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = at;
    }

    private void room(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + more));
        }
    }
}
