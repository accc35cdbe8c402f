package org.calconfleet.siem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Why a batch was not delivered. Stored by name. */
enum ForwardingFailure {
    /** Nothing listens there, or the name does not resolve. */
    UNREACHABLE,
    /** The receiver did not accept, or did not read the batch to its end and close, in time. */
    TIMED_OUT,
    /** The TLS handshake failed: an untrusted certificate, a name that does not match it, no common protocol. */
    TLS,
    /** The connection broke before the receiver had read the batch. */
    CONNECTION_LOST;

    static ForwardingFailure of(IOException e) {
        return switch (e) {
            case ConnectException c -> UNREACHABLE;
            case NoRouteToHostException n -> UNREACHABLE;
            case UnknownHostException u -> UNREACHABLE;
            case SocketTimeoutException t -> TIMED_OUT;
            case SSLException s -> TLS;
            default -> CONNECTION_LOST;
        };
    }
}
