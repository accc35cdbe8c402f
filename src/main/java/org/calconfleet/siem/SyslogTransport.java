package org.calconfleet.siem;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * Sends a batch of framed messages on a connection of its own and counts it delivered only when the receiver has read
 * it to its end: after the last message the console closes its sending side and waits for the receiver to close its
 * own, which a receiver does once it has read everything before the close. Syslog over TCP has no acknowledgement;
 * this is what stands in for one, and what makes a receiver that dies mid-batch cost a resend rather than entries.
 */
final class SyslogTransport {

    /** Messages are written in pieces of this size, not one system call (or TLS record) each. */
    private static final int BUFFER = 64 * 1024;

    private final SyslogSettings settings;
    private final @Nullable SSLContext tls;

    SyslogTransport(SyslogSettings settings) {
        this.settings = settings;
        this.tls = settings.enabled() && settings.tls() ? tlsContext(settings) : null;
    }

    void deliver(List<byte[]> frames) throws IOException {
        try (Socket socket = open()) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
            for (byte[] frame : frames) {
                out.write(frame);
            }
            out.flush();
            socket.shutdownOutput();
            awaitReceiverClose(socket.getInputStream(), System.nanoTime() + settings.ackTimeout().toNanos());
        }
    }

    private Socket open() throws IOException {
        int readTimeout = Math.toIntExact(settings.ackTimeout().toMillis());
        InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
        if (tls == null) {
            Socket socket = new Socket();
            connect(socket, address, readTimeout);
            return socket;
        }
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        connect(socket, address, readTimeout);
        socket.startHandshake();
        return socket;
    }

    private void connect(Socket socket, InetSocketAddress address, int readTimeout) throws IOException {
        try {
            socket.setSoTimeout(readTimeout);
            socket.connect(address, Math.toIntExact(settings.connectTimeout().toMillis()));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Receivers send nothing; whatever one does send is read past until it closes, within the deadline. */
    private static void awaitReceiverClose(InputStream in, long deadline) throws IOException {
        byte[] ignored = new byte[512];
        while (in.read(ignored) >= 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new SocketTimeoutException("the receiver kept the connection open past the ack-timeout");
            }
        }
    }

    private static SSLContext tlsContext(SyslogSettings settings) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(settings.trustStore(), settings));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(SyslogSettings.PREFIX + "trust-store cannot be used: " + e.getMessage(),
                    e);
        }
    }

    /** The configured trust store, or none for the JVM's own. */
    private static @Nullable KeyStore trustStore(@Nullable Path file, SyslogSettings settings)
            throws GeneralSecurityException {
        if (file == null) {
            return null;
        }
        KeyStore store = KeyStore.getInstance(settings.trustStoreType());
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, settings.trustStorePassword().toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(SyslogSettings.PREFIX + "trust-store " + file.toAbsolutePath()
                    + " cannot be read: " + e.getMessage(), e);
        }
        return store;
    }
}
