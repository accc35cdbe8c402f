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
    void the_address_the_agent_prints_is_read_back_whole() {
        AgentAddress address = AgentAddress.parse("https://exch01.corp.example:8443 sha256=" + FINGERPRINT);

        assertThat(address.baseUri()).isEqualTo(URI.create("https://exch01.corp.example:8443"));
        assertThat(address.fingerprint()).isEqualTo(CertificateFingerprint.require(FINGERPRINT));
        assertThat(AgentAddress.parse(address.format())).isEqualTo(address);
    }

    @Test
    void the_fingerprint_may_be_written_without_colons_in_any_case() {
        AgentAddress address = AgentAddress.parse("  https://10.1.2.3:9443/ \tsha256="
                + FINGERPRINT.replace(":", "").toLowerCase());

        assertThat(address.fingerprint().toString()).isEqualTo(FINGERPRINT);
    }

    @Test
    void an_address_of_an_older_version_gives_up_its_token_and_keeps_the_rest_as_written() {
        String old = "https://h:8443 token=" + TOKEN + " sha256=" + FINGERPRINT;

        assertThat(AgentAddress.carriesToken(old)).isTrue();
        AgentAddress.Legacy legacy = AgentAddress.legacy(old).orElseThrow();
        assertThat(legacy.address()).isEqualTo("https://h:8443 sha256=" + FINGERPRINT);
        assertThat(legacy.token()).isEqualTo(TOKEN);
        assertThat(legacy.toString()).doesNotContain(TOKEN);
        assertThat(AgentAddress.legacy("https://h:8443 sha256=" + FINGERPRINT)).isEmpty();
        assertThat(AgentAddress.carriesToken("https://h:8443 sha256=" + FINGERPRINT)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|agent.address.blank",
            "http://h:8443 sha256=" + FINGERPRINT + "|agent.address.url",
            "https://h:8443/api sha256=" + FINGERPRINT + "|agent.address.url",
            "https://user@h:8443 sha256=" + FINGERPRINT + "|agent.address.url",
            "https://h:8443?x=1 sha256=" + FINGERPRINT + "|agent.address.url",
            "h:8443 sha256=" + FINGERPRINT + "|agent.address.url",
            "https://h:8443|agent.address.fingerprint",
            "https://h:8443 sha256=ABCD|agent.address.fingerprint",
            "https://h:8443 sha256=" + FINGERPRINT + " token=" + TOKEN + "|agent.address.token",
            "https://h:8443 sha256=" + FINGERPRINT + " extra|agent.address.unknown-part",
            "https://h:8443 sha256=" + FINGERPRINT + " sha256=" + FINGERPRINT + "|agent.address.unknown-part"})
    void what_cannot_be_used_is_named_by_a_message_key(String text, String key) {
        assertThat(AgentAddress.problem(text)).contains(key);
    }
}
