package org.calconfleet.host.rpc;

import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostTime;
import org.calconfleet.host.windows.WindowsApi;
import org.calconfleet.host.windows.WindowsHostBackend;

/**
 * The entry point of the rpc backend: owns the pool of SMB sessions and hands out a {@link HostBackend} per
 * host. One instance for the console (its backends share the pool); close it on shutdown to log off every
 * session. Backends are cheap: make one per call site if that is simpler, they all use the pooled session of
 * their (host, port, account).
 */
public final class RpcHostBackends implements AutoCloseable {

    private final SmbSessions sessions;

    public RpcHostBackends(RpcSettings settings) {
        this.sessions = new SmbSessions(settings);
    }

    public RpcHostBackends() {
        this(RpcSettings.defaults());
    }

    /** The backend for the connector service {@code serviceName} on the host, logging on as {@code account}. */
    public HostBackend backend(RpcTarget target, RpcAccount account, String serviceName) {
        return new WindowsHostBackend(target.host(), serviceName, windowsApi(target.port(), account), HostTime.system());
    }

    /** The Windows calls themselves, for hosts listening on {@code port}; {@link #backend} wraps them. */
    public WindowsApi windowsApi(int port, RpcAccount account) {
        return new RpcWindowsApi(sessions, port, account);
    }

    /** How many hosts have an open SMB connection in the pool now (idle ones are closed after the idle time-out). */
    public int openConnections() {
        return sessions.connected();
    }

    @Override
    public void close() {
        sessions.close();
    }
}
