package org.calconfleet.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * All bundles under {@code i18n/} merged into one table per language. Each feature owns its bundle file, so a
 * feature's texts live beside nothing else's; a key missing in Japanese falls back to English.
 */
@Component
public class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale JAPANESE = Locale.JAPANESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, JAPANESE);

    private final Map<String, String> english;
    private final Map<String, String> japanese;

    public Messages() {
        this.english = load("classpath*:i18n/*.properties", false);
        this.japanese = load("classpath*:i18n/*_ja.properties", true);
    }

    public String get(String key, Locale locale, Object... args) {
        String pattern = japanese(locale) ? japanese.getOrDefault(key, english.get(key)) : english.get(key);
        if (pattern == null) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * A stored message in the reader's language and zone; a stored text written before messages were data is
     * shown as it is.
     */
    public String render(@Nullable String stored, Locale locale, ZoneId zone) {
        if (stored == null) {
            return "";
        }
        return StoredMessage.parse(stored).map(message -> render(message, locale, zone)).orElse(stored);
    }

    public String render(StoredMessage message, Locale locale, ZoneId zone) {
        Object[] arguments = message.arguments().stream().map(argument -> render(argument, locale, zone)).toArray();
        return get(message.code(), locale, arguments);
    }

    private String render(StoredMessage.Argument argument, Locale locale, ZoneId zone) {
        return switch (argument) {
            case StoredMessage.Verbatim v -> v.text();
            case StoredMessage.Count c -> NumberFormat.getIntegerInstance(locale).format(c.value());
            case StoredMessage.Port p -> Long.toString(p.value());
            case StoredMessage.At a -> TimeFormats.dateTime(FormatStyle.MEDIUM, locale, zone).format(a.instant());
            case StoredMessage.Choice c -> get(c.key(), locale);
            case StoredMessage.Span s -> get("duration.seconds", locale, Long.toString(s.duration().toSeconds()));
            case StoredMessage.Inner i -> render(i.message(), locale, zone);
            case StoredMessage.Listed l -> l.items().stream().map(item -> render(item, locale, zone))
                    .collect(Collectors.joining(get("list.separator", locale)));
        };
    }

    public Set<String> keys(Locale locale) {
        return new TreeSet<>(japanese(locale) ? japanese.keySet() : english.keySet());
    }

    public static Locale supportedOrEnglish(Locale locale) {
        return japanese(locale) ? JAPANESE : ENGLISH;
    }

    private static boolean japanese(Locale locale) {
        return JAPANESE.getLanguage().equals(locale.getLanguage());
    }

    private static Map<String, String> load(String pattern, boolean japanese) {
        Map<String, String> table = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = resource.getFilename();
                if (name == null || name.contains("_") != japanese) {
                    continue;
                }
                Properties properties = new Properties();
                try (InputStream in = resource.getInputStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.forEach((k, v) -> table.put((String) k, (String) v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
