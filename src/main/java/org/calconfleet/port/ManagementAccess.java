package org.calconfleet.port;

/**
 * The connection the console itself opens to an Exchange server to change it, beside the connector's own traffic:
 * SMB (TCP 445) for the Windows wire protocols, or the agent's HTTPS port. A network team opens it from the
 * console's address to the server, one way.
 */
public record ManagementAccess(FirewallEndpoint console, String ports, RulePurpose purpose) {

    public static final String SMB_PORT = "445";

    public ManagementAccess {
        if (purpose != RulePurpose.MANAGEMENT_SMB && purpose != RulePurpose.MANAGEMENT_AGENT) {
            throw new IllegalArgumentException("not a management purpose: " + purpose);
        }
    }

    /** Registry, service control and event log over SMB named pipes (what {@code reg.exe \\host} uses). */
    public static ManagementAccess smb(FirewallEndpoint console) {
        return new ManagementAccess(console, SMB_PORT, RulePurpose.MANAGEMENT_SMB);
    }

    /** The agent's HTTPS API on the host. */
    public static ManagementAccess agent(FirewallEndpoint console, int agentPort) {
        if (agentPort < 1 || agentPort > 65535) {
            throw new IllegalArgumentException("agent port out of range: " + agentPort);
        }
        return new ManagementAccess(console, Integer.toString(agentPort), RulePurpose.MANAGEMENT_AGENT);
    }
}
