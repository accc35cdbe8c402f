package org.calconfleet.host.rpc;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.hierynomus.protocol.commons.socket.ProxySocketFactory;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.SmbConfig;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.common.SMBRuntimeException;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.PipeShare;
import com.hierynomus.smbj.share.Share;

import org.calconfleet.host.windows.WindowsApiException;
import org.jspecify.annotations.Nullable;

/**
 * One pooled SMB connection and session to a host as one account, with the RPC pipes bound on it so far. Its
 * own lock serialises the calls to this host only (the library's transports are not thread-safe), so a slow or
 * unreachable host holds up nothing but its own callers. Each session has its own {@link SMBClient}, because a
 * client connects under a lock of its own across all its hosts.
 */
final class SmbSession {

    private final RpcTarget target;
    private final RpcAccount account;
    private final RpcSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<RpcInterface, RpcPipe> pipes = new EnumMap<>(RpcInterface.class);

    private @Nullable SMBClient client;
    private volatile @Nullable Session session;
    private @Nullable PipeShare ipc;
    private volatile long lastUsedNanos = System.nanoTime();
    private boolean retired;

    SmbSession(RpcTarget target, RpcAccount account, RpcSettings settings) {
        this.target = target;
        this.account = account;
        this.settings = settings;
    }

    /** Work on a bound pipe; RPC return codes are thrown by it as {@link WindowsApiException}s. */
    @FunctionalInterface
    interface PipeWork<T> {
        T on(RpcPipe pipe) throws IOException, WindowsApiException;
    }

    /** Thrown to the pool when this session was retired (idle) before the caller got its lock: take a fresh one. */
    static final class RetiredException extends RuntimeException {
        RetiredException() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the work on the interface's pipe, connecting, logging on and binding first where needed. A failure of
     * the connection drops it (the next call reconnects); when a connection kept in the pool turns out to have been
     * closed by the host, the work runs once more on a fresh one.
     */
    <T> T call(RpcInterface rpcInterface, String what, PipeWork<T> work) throws WindowsApiException {
        lock.lock();
        try {
            if (retired) {
                throw new RetiredException();
            }
            boolean reused = session != null;
            try {
                return attempt(rpcInterface, what, work);
            } catch (TranslatedFailure first) {
                if (!(reused && first.translated.staleConnection())) {
                    throw first.translated.exception();
                }
                try {
                    return attempt(rpcInterface, what, work);
                } catch (TranslatedFailure second) {
                    throw second.translated.exception();
                }
            }
        } finally {
            lastUsedNanos = System.nanoTime();
            lock.unlock();
        }
    }

    private <T> T attempt(RpcInterface rpcInterface, String what, PipeWork<T> work)
            throws WindowsApiException, TranslatedFailure {
        try {
            return work.on(pipe(rpcInterface));
        } catch (IOException | SMBRuntimeException e) {
            RpcErrors.Translated translated = RpcErrors.translate(e, what + " on " + target + " as " + account);
            if (translated.sessionBroken()) {
                disconnect(false);
            }
            throw new TranslatedFailure(translated);
        }
    }

    private RpcPipe pipe(RpcInterface rpcInterface) throws IOException {
        RpcPipe open = pipes.get(rpcInterface);
        if (open != null) {
            return open;
        }
        if (session == null || ipc == null) {
            connect();
        }
        RpcPipe opened = RpcPipe.open(session, ipc, rpcInterface);
        pipes.put(rpcInterface, opened);
        return opened;
    }

    private void connect() throws IOException {
        SmbConfig config = SmbConfig.builder()
                .withDialects(settings.dialects())
                .withSocketFactory(new ProxySocketFactory((int) settings.connectTimeout().toMillis()))
                .withTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withDfsEnabled(false)
                .build();
        SMBClient newClient = new SMBClient(config);
        try {
            Connection connection = newClient.connect(target.host(), target.port());
            Session newSession = connection.authenticate(
                    new AuthenticationContext(account.user(), account.password().toCharArray(), account.domain()));
            Share share = newSession.connectShare("IPC$");
            if (!(share instanceof PipeShare pipeShare)) {
                share.close();
                throw new IOException("IPC$ on " + target + " is not a pipe share");
            }
            client = newClient;
            session = newSession;
            ipc = pipeShare;
        } catch (IOException | RuntimeException e) {
            newClient.close();
            throw e;
        }
    }

    /**
     * Closes the pipes, logs off and closes the connection. Graceful when idle (the host is told); a broken
     * connection is only closed, since talking to it again could wait for the whole call time-out.
     */
    private void disconnect(boolean graceful) {
        if (graceful) {
            pipes.values().forEach(RpcPipe::close);
        }
        pipes.clear();
        Session closing = session;
        SMBClient closingClient = client;
        session = null;
        ipc = null;
        client = null;
        try {
            if (graceful && closing != null) {
                closing.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // logging off an idle session is a courtesy; the connection is closed next either way
        }
        if (closingClient != null) {
            closingClient.close();
        }
    }

    boolean idleFor(long idleNanos) {
        return System.nanoTime() - lastUsedNanos >= idleNanos;
    }

    /** Retires the session if it has been idle this long and nobody is using it; true if it was retired. */
    boolean retireIfIdle(long idleNanos) {
        if (!idleFor(idleNanos) || !lock.tryLock()) {
            return false;
        }
        try {
            if (retired || !idleFor(idleNanos)) {
                return false;
            }
            retired = true;
            disconnect(true);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes for good, waiting for a call in progress to finish (each call is bounded by the time-outs). */
    void retire() {
        lock.lock();
        try {
            retired = true;
            disconnect(true);
        } finally {
            lock.unlock();
        }
    }

    boolean isConnected() {
        return session != null;
    }

    /** Carries a translated failure from one attempt to the retry decision. */
    private static final class TranslatedFailure extends Exception {
        private final RpcErrors.Translated translated;

        TranslatedFailure(RpcErrors.Translated translated) {
            super(null, null, false, false);
            this.translated = translated;
        }
    }
}
