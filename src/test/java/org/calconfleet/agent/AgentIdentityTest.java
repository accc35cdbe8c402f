package org.calconfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.calconfleet.host.agent.CertificateFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentIdentityTest {

    @TempDir
    Path home;

    @Test
    void the_key_and_self_signed_certificate_are_made_once_and_kept() throws Exception {
        AgentIdentity made = AgentIdentity.loadOrCreate(home, "EXCH01");
        AgentIdentity loaded = AgentIdentity.loadOrCreate(home, "EXCH01");

        assertThat(made.created()).isTrue();
        assertThat(loaded.created()).isFalse();
        assertThat(loaded.fingerprint()).isEqualTo(made.fingerprint());
        X509Certificate certificate = loaded.certificate();
        certificate.verify(certificate.getPublicKey());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=calcon-agent EXCH01");
        assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3650)));
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(CertificateFingerprint.of(certificate)).isEqualTo(made.fingerprint());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(AgentIdentity.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(home.resolve(AgentIdentity.CERT_FILE))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(loaded.serverContext().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void a_home_with_only_half_an_identity_is_refused_rather_than_silently_replaced() throws Exception {
        AgentIdentity.loadOrCreate(home, "EXCH01");
        Files.delete(home.resolve(AgentIdentity.CERT_FILE));

        assertThatThrownBy(() -> AgentIdentity.loadOrCreate(home, "EXCH01"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(AgentIdentity.CERT_FILE);
    }

    @Test
    void odd_host_names_do_not_break_the_certificate() {
        assertThat(AgentIdentity.loadOrCreate(home, "名前, O=evil\n").certificate().getSubjectX500Principal().getName())
                .doesNotContain("O=evil,");
    }
}
