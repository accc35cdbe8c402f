package org.calconfleet.host.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateFingerprintTest {

    private static final String HEX = "5AE3DA7B4917C60DF2201E6B4F834E91EE748FCDAE38BB2AD78748C3FB5BC04E";

    @Test
    void it_reads_with_or_without_colons_and_prefix_and_writes_colon_pairs_in_upper_case() {
        CertificateFingerprint plain = CertificateFingerprint.require(HEX.toLowerCase());
        CertificateFingerprint colons = CertificateFingerprint.require("sha256:" + plain);

        assertThat(colons).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(plain.toString()).hasSize(95).startsWith("5A:E3:DA").matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5AE3", HEX + "00", "ZZE3DA7B4917C60DF2201E6B4F834E91EE748FCDAE38BB2AD78748C3FB5BC04E",
            "5A:E3DA7B4917C60DF2201E6B4F834E91EE748FCDAE38BB2AD78748C3FB5BC04E", "5a e3"})
    void anything_but_32_bytes_in_hex_is_not_a_fingerprint(String text) {
        assertThat(CertificateFingerprint.parse(text)).isEmpty();
    }
}
