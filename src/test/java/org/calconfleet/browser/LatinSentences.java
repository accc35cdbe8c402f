package org.calconfleet.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds what a Japanese reader should not meet in the console's own words: English sentences (three or more Latin
 * words of two letters or more, one after the other, apart by spaces) and ISO-8601 times in UTC. What the reader
 * may meet in Latin letters (host names, what a user typed, command lines) is named by the caller and taken out
 * first; each such allowance should be as narrow as the fact it stands for.
 */
final class LatinSentences {

    /** Something found in a text, with a little of the text around it to find it by. */
    record Found(String kind, String text, String around) {
        @Override
        public String toString() {
            return kind + " \"" + text + "\" in \"…" + around + "…\"";
        }
    }

    private static final String WORD = "(?<![A-Za-z0-9_])[A-Za-z]{2,}(?:'[A-Za-z]+)?(?![A-Za-z0-9_])";
    /** Words may carry a comma, colon or semicolon before the next one, as words of a sentence do. */
    private static final Pattern SENTENCE = Pattern.compile(WORD + "(?:[,;:]?[ \\u00A0]+" + WORD + "){2,}");
    private static final Pattern ISO_UTC = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]00:?00)");
    /** What an allowed token leaves behind: no Latin letter, so that the words either side make no run. */
    private static final String GAP = " \u2016 ";
    private static final int AROUND = 30;

    private final List<Pattern> allowedPatterns;
    private final List<String> allowedTexts;

    private LatinSentences(List<Pattern> allowedPatterns, List<String> allowedTexts) {
        this.allowedPatterns = allowedPatterns;
        this.allowedTexts = allowedTexts;
    }

    /** Texts that may appear as they are, matched literally. */
    static LatinSentences allowing(String... texts) {
        return new LatinSentences(List.of(), List.of()).and(texts);
    }

    LatinSentences and(String... texts) {
        return new LatinSentences(allowedPatterns, Stream.concat(allowedTexts.stream(), Stream.of(texts))
                .filter(text -> !text.isBlank()).toList());
    }

    /** Texts that may appear, as patterns: a command line is a whole line from its command on. */
    LatinSentences and(Pattern... patterns) {
        return new LatinSentences(Stream.concat(allowedPatterns.stream(), Stream.of(patterns)).toList(), allowedTexts);
    }

    /** The English sentences and ISO UTC times left in {@code text} once the allowed texts are taken out. */
    List<Found> in(String text) {
        String left = text;
        for (Pattern pattern : allowedPatterns) {
            left = pattern.matcher(left).replaceAll(Matcher.quoteReplacement(GAP));
        }
        // Longest first, so that a host name does not cut the command line that names it.
        for (String allowed : allowedTexts.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            left = left.replace(allowed, GAP);
        }
        List<Found> found = new ArrayList<>();
        collect("ISO UTC time", ISO_UTC, left, found);
        collect("English sentence", SENTENCE, left, found);
        return found;
    }

    /** Fails, naming where and listing what was found, if {@code text} holds anything {@link #in} finds. */
    void assertNoneIn(String text, String where) {
        List<Found> found = in(text);
        if (!found.isEmpty()) {
            throw new AssertionError("Latin-letter text on " + where + " that no user typed ("
                    + found.size() + "):\n  " + String.join("\n  ", found.stream().map(Found::toString).toList()));
        }
    }

    private static void collect(String kind, Pattern pattern, String text, List<Found> found) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String around = text.substring(Math.max(0, matcher.start() - AROUND),
                    Math.min(text.length(), matcher.end() + AROUND)).replaceAll("\\s+", " ");
            found.add(new Found(kind, matcher.group(), around));
        }
    }
}
