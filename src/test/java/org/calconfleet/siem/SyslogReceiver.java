package org.calconfleet.siem;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A syslog receiver on a loopback port, as a SIEM's collector: reads octet-counted frames (RFC 6587) one at a time
 * straight from the socket, keeps each message, and closes a connection once the sender has closed its side. It can
 * be stopped (every connection is reset, as when a collector dies: what it has not read is gone from it) and started
 * again on the same port, or be "silent": accept connections and never read them.
 */
final class SyslogReceiver {

    private final int port;
    private final @Nullable SSLContext tls;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile @Nullable ServerSocket server;
    private volatile @Nullable Thread acceptor;
    private volatile boolean silent;
    private volatile int stopAfter = Integer.MAX_VALUE;

    SyslogReceiver(int port, @Nullable SSLContext tls) {
        this.port = port;
        this.tls = tls;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SyslogReceiver start() {
        return listen(false);
    }

    /** Accepts connections and never reads from them, like a collector that hangs. */
    SyslogReceiver startSilent() {
        return listen(true);
    }

    private SyslogReceiver listen(boolean silently) {
        try {
            ServerSocket socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            silent = silently;
            server = socket;
            acceptor = Thread.ofVirtual().name("syslog-receiver-" + port).start(() -> accept(socket));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dies as soon as it has read this many messages in all, in the middle of a batch if one is under way. */
    void stopAfter(int total) {
        stopAfter = total;
    }

    boolean isRunning() {
        return server != null;
    }

    void stop() {
        stopAfter = Integer.MAX_VALUE;
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            closeQuietly(socket, false);
        }
        for (Socket connection : open) {
            closeQuietly(connection, true);
        }
        awaitPortReleased();
    }

    /** The port is free again only once the thread blocked in accept has left it. */
    private void awaitPortReleased() {
        Thread thread = acceptor;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A connection is reset rather than closed: its sender must not take the close for the end of a batch read. */
    private static void closeQuietly(Closeable socket, boolean reset) {
        try {
            if (reset && socket instanceof Socket connection && !connection.isClosed()) {
                connection.setSoLinger(true, 0);
            }
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    void clear() {
        messages.clear();
    }

    int accepted() {
        return accepted.get();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                open.add(connection);
                accepted.incrementAndGet();
                if (!silent) {
                    Thread.ofVirtual().start(() -> read(connection));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            while (true) {
                int length = length(in);
                if (length < 0) {
                    break;
                }
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    throw new EOFException("the connection ended inside a message");
                }
                messages.add(new String(message, StandardCharsets.UTF_8));
                if (messages.size() >= stopAfter) {
                    stop();
                }
            }
        } catch (IOException e) {
            // a reset connection, or one this receiver was stopped under
        } finally {
            open.remove(connection);
        }
    }

    /** MSG-LEN and the space after it; -1 at the end of the stream between messages. */
    private static int length(InputStream in) throws IOException {
        ByteArrayOutputStream digits = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != ' ') {
            if (c < 0) {
                if (digits.size() == 0) {
                    return -1;
                }
                throw new EOFException("the connection ended inside a length");
            }
            if (c < '0' || c > '9') {
                throw new IOException("not an octet count: " + (char) c);
            }
            digits.write(c);
        }
        return Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
    }

    /** The sequence numbers of the messages in the order they came, repeats included. */
    List<Long> sequenceNumbers() {
        List<Long> seqs = new ArrayList<>();
        for (String message : messages) {
            seqs.add(Received.of(message).seq());
        }
        return seqs;
    }
}
