package org.calconfleet.host;

/** A TCP socket in LISTEN state on the host and the process that owns it. */
public record TcpListener(int port, int processId, String processName) {
}
