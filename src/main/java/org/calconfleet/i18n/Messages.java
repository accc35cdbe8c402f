package org.calconfleet.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
