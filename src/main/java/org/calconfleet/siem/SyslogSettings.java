package org.calconfleet.siem;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the audit trail is forwarded ({@code calcon.siem.syslog.*}, README "Forwarding the audit trail to a
 * SIEM"); off unless enabled. Checked when bound, so a console with a forwarding it cannot do does not start.
 *
 * @param tls               RFC 5425: TLS with the receiver's certificate checked against the trust store (the JVM's
 *                          when none is set) and the host name
 * @param hostname          the message's HOSTNAME; this machine's name when empty
 * @param facility          0–23; 13 is "log audit"
 * @param enterpriseNumber  the IANA private enterprise number in the structured data's id ({@code audit@32473});
 *                          32473 is RFC 5612's number for documentation: set your organisation's
 * @param language          the language of the message text (MSG); the structured data is the same in any
 * @param interval          how soon after a pass the next one looks for new entries
 * @param retryInterval     how soon after a failed pass the next one tries again
 * @param ackTimeout        how long the receiver may take to read a batch to its end and close the connection
 * @param downAfter         how long forwarding may fail before its health is DOWN rather than DEGRADED
 */
@ConfigurationProperties("calcon.siem.syslog")
record SyslogSettings(@DefaultValue("false") boolean enabled, @DefaultValue("") String host,
                      @DefaultValue("6514") int port, @DefaultValue("true") boolean tls,
                      @Nullable Path trustStore, @DefaultValue("") String trustStorePassword,
                      @DefaultValue("PKCS12") String trustStoreType, @DefaultValue("calcon") String appName,
                      @DefaultValue("") String hostname, @DefaultValue("13") int facility,
                      @DefaultValue("32473") int enterpriseNumber, @DefaultValue("en") Locale language,
                      @DefaultValue("500") int batchSize, @DefaultValue("1s") Duration interval,
                      @DefaultValue("15s") Duration retryInterval, @DefaultValue("5s") Duration connectTimeout,
                      @DefaultValue("10s") Duration ackTimeout, @DefaultValue("15m") Duration downAfter) {

    static final String PREFIX = "calcon.siem.syslog.";

    SyslogSettings {
        if (enabled) {
            require(!host.isBlank(), "host", "the receiver's host name or address");
            require(port > 0 && port < 65536, "port", "1 to 65535");
            require(SyslogFormat.isHeaderField(appName, SyslogFormat.APP_NAME_MAX), "app-name",
                    "1 to " + SyslogFormat.APP_NAME_MAX + " printable ASCII characters without spaces");
            require(hostname.isEmpty() || SyslogFormat.isHeaderField(hostname, SyslogFormat.HOSTNAME_MAX), "hostname",
                    "1 to " + SyslogFormat.HOSTNAME_MAX + " printable ASCII characters without spaces");
            require(facility >= 0 && facility <= 23, "facility", "0 to 23");
            require(enterpriseNumber > 0, "enterprise-number", "a positive number");
            require(batchSize > 0, "batch-size", "at least 1");
        }
    }

    private static void require(boolean valid, String name, String expected) {
        if (!valid) {
            throw new IllegalArgumentException(PREFIX + name + " must be " + expected);
        }
    }

    /** Where the entries go, as an administrator reads it: {@code tls://siem.example:6514}. */
    String target() {
        return (tls ? "tls" : "tcp") + "://" + host + ":" + port;
    }

    String hostnameOrLocal() {
        if (!hostname.isEmpty()) {
            return hostname;
        }
        try {
            String local = InetAddress.getLocalHost().getHostName();
            return SyslogFormat.isHeaderField(local, SyslogFormat.HOSTNAME_MAX) ? local : SyslogFormat.NIL;
        } catch (UnknownHostException e) {
            return SyslogFormat.NIL;
        }
    }

    /** Without the trust store's password, which a record would otherwise print. */
    @Override
    public String toString() {
        return "SyslogSettings[enabled=" + enabled + ", target=" + target() + ", trustStore=" + trustStore + "]";
    }
}
