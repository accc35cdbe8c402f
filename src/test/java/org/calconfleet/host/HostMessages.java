package org.calconfleet.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The two message files of the host feature, read as UTF-8 straight from the class path. */
public final class HostMessages {

    public static final String ENGLISH = "/i18n/host.properties";
    public static final String JAPANESE = "/i18n/host_ja.properties";

    public static Properties load(String resource) {
        try (InputStream in = HostMessages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HostMessages() {
    }
}
