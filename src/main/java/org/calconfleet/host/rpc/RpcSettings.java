package org.calconfleet.host.rpc;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.hierynomus.mssmb2.SMB2Dialect;

/**
 * How the rpc backend talks SMB: which dialects it offers, how long it waits, when it closes an idle session.
 *
 * @param dialects       offered in the negotiation; the default covers SMB 2.0.2 (Server 2008) and 2.1 (2008 R2)
 *                       up to 3.1.1
 * @param connectTimeout TCP connect to port 445; a host that does not answer is unreachable after this
 * @param callTimeout    each SMB request (session set-up, pipe open, RPC transact, read); nothing waits longer
 * @param idleTimeout    a session unused this long is logged off and its connection closed
 */
public record RpcSettings(Set<SMB2Dialect> dialects, Duration connectTimeout, Duration callTimeout,
        Duration idleTimeout) {

    public static final List<SMB2Dialect> ALL_DIALECTS = List.of(SMB2Dialect.SMB_2_0_2, SMB2Dialect.SMB_2_1,
            SMB2Dialect.SMB_3_0, SMB2Dialect.SMB_3_0_2, SMB2Dialect.SMB_3_1_1);

    public RpcSettings {
        dialects = Set.copyOf(dialects);
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("at least one SMB dialect");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(callTimeout, "callTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    public static RpcSettings defaults() {
        return new RpcSettings(Set.copyOf(ALL_DIALECTS), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
    }

    public RpcSettings withDialects(SMB2Dialect... offered) {
        return new RpcSettings(Set.of(offered), connectTimeout, callTimeout, idleTimeout);
    }

    public RpcSettings withIdleTimeout(Duration idle) {
        return new RpcSettings(dialects, connectTimeout, callTimeout, idle);
    }

    public RpcSettings withTimeouts(Duration connect, Duration call) {
        return new RpcSettings(dialects, connect, call, idleTimeout);
    }

    private static void requirePositive(Duration d, String name) {
        if (!d.isPositive()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
