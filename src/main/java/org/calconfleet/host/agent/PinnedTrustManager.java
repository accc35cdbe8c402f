package org.calconfleet.host.agent;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, the agent's, by its SHA-256 fingerprint: no certificate authority, no
 * host name check (the pin is stronger than both, and an agent is often reached by address). Any other
 * certificate fails the handshake with a {@link CertificateMismatchException}, before a request is sent.
 * Being an {@link X509ExtendedTrustManager}, it is not wrapped by the JDK in the default checks it replaces.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

    private final CertificateFingerprint pin;

    public PinnedTrustManager(CertificateFingerprint pin) {
        this.pin = pin;
    }

    /** A TLS 1.3 client context that trusts only the pinned certificate. */
    public static SSLContext clientContext(CertificateFingerprint pin) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {new PinnedTrustManager(pin)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS 1.3 is not available in this JDK", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the agent presented no certificate");
        }
        if (!pin.matches(chain[0])) {
            throw new CertificateMismatchException(pin, CertificateFingerprint.of(chain[0]));
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a console does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /** The agent presented a certificate other than the pinned one. */
    public static final class CertificateMismatchException extends CertificateException {

        private final CertificateFingerprint expected;
        private final CertificateFingerprint presented;

        CertificateMismatchException(CertificateFingerprint expected, CertificateFingerprint presented) {
            super("certificate " + presented + " does not match the pinned fingerprint " + expected);
            this.expected = expected;
            this.presented = presented;
        }

        public CertificateFingerprint expected() {
            return expected;
        }

        public CertificateFingerprint presented() {
            return presented;
        }
    }
}
