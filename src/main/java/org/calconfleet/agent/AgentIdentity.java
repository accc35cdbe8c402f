package org.calconfleet.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.calconfleet.host.agent.CertificateFingerprint;

/**
 * The agent's TLS identity: an EC P-256 key pair and a self-signed certificate, made on first start and kept in
 * the agent's home as {@value #KEY_FILE} (PKCS#8, owner-only) and {@value #CERT_FILE}. The console trusts the
 * certificate by its SHA-256 fingerprint, so a certificate authority plays no part; replacing both files (e.g.
 * with a certificate of the domain's CA) is fine as long as the console's pin is updated. Bouncy Castle builds the
 * certificate (the JDK has no public API for it); the JDK's own providers do the cryptography.
 */
public final class AgentIdentity {

    public static final String KEY_FILE = "agent-key.pem";
    public static final String CERT_FILE = "agent-cert.pem";
    static final Duration VALIDITY = Duration.ofDays(20 * 365);

    private static final char[] IN_MEMORY_PASSWORD = "calcon-agent".toCharArray();

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final boolean created;

    private AgentIdentity(PrivateKey key, X509Certificate certificate, boolean created) {
        this.key = key;
        this.certificate = certificate;
        this.created = created;
    }

    /** Loads the key and certificate from {@code home}, or makes and stores them when neither is there. */
    public static AgentIdentity loadOrCreate(Path home, String hostName) {
        try {
            AgentFiles.home(home);
            Path keyFile = home.resolve(KEY_FILE);
            Path certFile = home.resolve(CERT_FILE);
            boolean hasKey = Files.exists(keyFile);
            if (hasKey != Files.exists(certFile)) {
                throw new IllegalStateException("only one of " + KEY_FILE + " and " + CERT_FILE + " is in " + home
                        + ": restore the other or delete both to make a new identity (and pin it anew)");
            }
            if (hasKey) {
                X509Certificate certificate = readCertificate(certFile);
                return new AgentIdentity(readKey(keyFile, certificate.getPublicKey().getAlgorithm()), certificate, false);
            }
            AgentIdentity made = create(hostName);
            AgentFiles.writePrivate(keyFile, pem("PRIVATE KEY", made.key.getEncoded()));
            AgentFiles.writePrivate(certFile, pem("CERTIFICATE", made.certificate.getEncoded()));
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the agent's identity in " + home, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load or make the agent's key and certificate in " + home, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public CertificateFingerprint fingerprint() {
        return CertificateFingerprint.of(certificate);
    }

    /** Whether this start made the identity (so the fingerprint is new and must be pinned). */
    public boolean created() {
        return created;
    }

    /** A TLS 1.3 server context presenting this identity. */
    public SSLContext serverContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("agent", key, IN_MEMORY_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the agent's identity", e);
        }
    }

    static AgentIdentity create(String hostName) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "CalCon Fleet Console")
                .addRDN(BCStyle.CN, "calcon-agent " + printable(hostName))
                .build();
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            certificate.verify(pair.getPublic());
            return new AgentIdentity(pair.getPrivate(), certificate, true);
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate", e);
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        byte[] der = unpem(Files.readString(file, StandardCharsets.US_ASCII), "CERTIFICATE", file);
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static PrivateKey readKey(Path file, String algorithm) throws IOException, GeneralSecurityException {
        byte[] der = unpem(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY", file);
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(String text, String type, Path file) throws IOException {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " holds no PEM block " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private static String printable(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9.\\-_]", "_");
        return cleaned.length() > 48 ? cleaned.substring(0, 48) : cleaned;
    }
}
