package org.calconfleet.host.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgentAddressTest {

    private static final String FINGERPRINT = "5A:E3:DA:7B:49:17:C6:0D:F2:20:1E:6B:4F:83:4E:91:EE:74:8F:CD:AE:38:BB:2A:D7:87:48:C3:FB:5B:C0:4E";
    private static final String TOKEN = "pYuVFz7j7cbI7JK5qYII84XA1CjOAyOzGfL3N3G9PSI";

    @Test
    void the_line_the_agent_prints_is_read_back_whole() {
        AgentAddress address = AgentAddress.parse("https://exch01.corp.example:8443 sha256=" + FINGERPRINT + " token=" + TOKEN);

        assertThat(address.baseUri()).isEqualTo(URI.create("https://exch01.corp.example:8443"));
        assertThat(address.fingerprint()).isEqualTo(CertificateFingerprint.require(FINGERPRINT));
        assertThat(address.token()).isEqualTo(TOKEN);
        assertThat(AgentAddress.parse(address.format())).isEqualTo(address);
    }

    @Test
    void the_fingerprint_may_be_written_without_colons_in_any_case_and_the_parts_in_any_order() {
        AgentAddress address = AgentAddress.parse("  https://10.1.2.3:9443/  token=" + TOKEN + "\tsha256="
                + FINGERPRINT.replace(":", "").toLowerCase());

        assertThat(address.fingerprint().toString()).isEqualTo(FINGERPRINT);
    }

    @Test
    void the_token_is_never_shown_by_to_string() {
        AgentAddress address = AgentAddress.parse("https://h:8443 sha256=" + FINGERPRINT + " token=" + TOKEN);

        assertThat(address.toString()).doesNotContain(TOKEN).contains("token=****");
        assertThat(address.redacted()).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|agent.address.blank",
            "http://h:8443 sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.url",
            "https://h:8443/api sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.url",
            "https://user@h:8443 sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.url",
            "https://h:8443?x=1 sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.url",
            "h:8443 sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.url",
            "https://h:8443 token=" + TOKEN + "|agent.address.fingerprint",
            "https://h:8443 sha256=ABCD token=" + TOKEN + "|agent.address.fingerprint",
            "https://h:8443 sha256=" + FINGERPRINT + "|agent.address.token",
            "https://h:8443 sha256=" + FINGERPRINT + " token=short|agent.address.token",
            "https://h:8443 sha256=" + FINGERPRINT + " token=" + TOKEN + " extra|agent.address.unknown-part",
            "https://h:8443 sha256=" + FINGERPRINT + " sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.unknown-part"})
    void what_cannot_be_used_is_named_by_a_message_key(String text, String key) {
        assertThat(AgentAddress.problem(text)).contains(key);
    }
}
