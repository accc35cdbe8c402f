package org.calconfleet.siem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SyslogSettingsTest {

    @Test
    void forwarding_is_off_unless_enabled_and_defaults_to_tls_on_6514_as_log_audit() {
        SyslogSettings off = bind(Map.of());
        SyslogSettings on = bind(Map.of("enabled", "true", "host", "siem.corp.example"));

        assertThat(off.enabled()).isFalse();
        assertThat(on.target()).isEqualTo("tls://siem.corp.example:6514");
        assertThat(on.facility()).isEqualTo(13);
        assertThat(on.appName()).isEqualTo("calcon");
    }

    @Test
    void forwarding_that_cannot_be_done_stops_the_start_naming_the_setting() {
        assertThatThrownBy(() -> bind(Map.of("enabled", "true"))).isInstanceOf(BindException.class)
                .rootCause().hasMessage("calcon.siem.syslog.host must be the receiver's host name or address");
        assertThatThrownBy(() -> bind(Map.of("enabled", "true", "host", "siem", "app-name", "calcon console")))
                .rootCause().hasMessageStartingWith("calcon.siem.syslog.app-name must be");
        assertThatThrownBy(() -> bind(Map.of("enabled", "true", "host", "siem", "facility", "24")))
                .rootCause().hasMessage("calcon.siem.syslog.facility must be 0 to 23");
    }

    @Test
    void a_trust_store_that_cannot_be_opened_stops_the_start_without_showing_its_password(@TempDir Path folder)
            throws Exception {
        Path store = Files.writeString(folder.resolve("trust.p12"), "not a key store");
        SyslogSettings settings = bind(Map.of("enabled", "true", "host", "siem", "trust-store", store.toString(),
                "trust-store-password", "s3cret-Passphrase"));

        assertThatThrownBy(() -> new SyslogTransport(settings))
                .hasMessageContaining("calcon.siem.syslog.trust-store " + store.toAbsolutePath())
                .hasMessageNotContaining("s3cret-Passphrase");
        assertThat(settings.toString()).doesNotContain("s3cret-Passphrase");
    }

    private static SyslogSettings bind(Map<String, String> values) {
        Map<String, String> properties = new HashMap<>();
        values.forEach((name, value) -> properties.put(SyslogSettings.PREFIX + name, value));
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("calcon.siem.syslog", SyslogSettings.class);
    }
}
