package org.calconfleet.port;

/** One Windows Firewall command and the host it must be run on. */
public record NetshCommand(FirewallEndpoint runOn, String commandLine) {
}
