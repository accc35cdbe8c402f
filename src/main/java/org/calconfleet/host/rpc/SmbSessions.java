package org.calconfleet.host.rpc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.calconfleet.host.windows.WindowsApiException;

/**
 * The pool: one {@link SmbSession} per host, port and account, made on first use, reused while in use, and
 * retired by a sweeper once idle for {@link RpcSettings#idleTimeout()}. There is no lock across hosts: the map
 * is concurrent, a session's lock covers only its own host, and each idle session is closed on a virtual thread
 * of its own, so closing a session of a dead host delays no other.
 */
final class SmbSessions implements AutoCloseable {

    private record Key(RpcTarget target, RpcAccount account) {
    }

    private final RpcSettings settings;
    private final ConcurrentMap<Key, SmbSession> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    SmbSessions(RpcSettings settings) {
        this.settings = settings;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("rpc-session-sweeper").factory());
        long every = Math.max(100, settings.idleTimeout().toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    /** Runs the work on the host's pooled session, taking a fresh one if the pooled one was just retired. */
    <T> T call(RpcTarget target, RpcAccount account, RpcInterface rpcInterface, String what,
            SmbSession.PipeWork<T> work) throws WindowsApiException {
        Key key = new Key(target, account);
        while (true) {
            SmbSession session = sessions.computeIfAbsent(key, k -> new SmbSession(k.target(), k.account(), settings));
            try {
                return session.call(rpcInterface, what, work);
            } catch (SmbSession.RetiredException e) {
                sessions.remove(key, session);
            }
        }
    }

    /** How many hosts have an open SMB connection now. */
    int connected() {
        return (int) sessions.values().stream().filter(SmbSession::isConnected).count();
    }

    private void sweep() {
        long idleNanos = settings.idleTimeout().toNanos();
        sessions.forEach((key, session) -> {
            if (session.idleFor(idleNanos)) {
                Thread.ofVirtual().name("rpc-retire-" + key.target()).start(() -> {
                    if (session.retireIfIdle(idleNanos)) {
                        sessions.remove(key, session);
                    }
                });
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        sessions.values().forEach(SmbSession::retire);
        sessions.clear();
    }
}
