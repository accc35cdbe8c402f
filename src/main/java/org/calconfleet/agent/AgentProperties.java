package org.calconfleet.agent;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agent's settings, {@code calcon.agent.*} (command-line options, {@code application-agent.properties} or the
 * environment, e.g. {@code CALCON_AGENT_HOME}).
 *
 * @param home                  where the key, certificate and token hash live (never commit it)
 * @param bindAddress           the address to listen on
 * @param port                  the HTTPS port; 0 picks a free one (written to {@code agent-endpoint.properties})
 * @param token                 the bearer token to use instead of a generated one; give it as the environment
 *                              variable {@code CALCON_AGENT_TOKEN}, not on the command line
 * @param mode                  {@code auto} (Windows where it runs on Windows, else simulated), {@code windows}
 *                              or {@code simulated}
 * @param exchangeEnabled       whether the Exchange host operations are served
 * @param hostName              the name the simulated host answers to (default: this machine's)
 * @param simulatedAdmin        the admin channel that arranges the simulated host, for tests; never on Windows
 * @param simulatedTimeScale    how much faster than real time the simulated host's clock runs (tests use 10)
 * @param maxConcurrentRequests requests served at once; more are answered 503
 * @param domino                the Domino side
 */
@ConfigurationProperties("calcon.agent")
public record AgentProperties(
        @DefaultValue("./agent-data") Path home,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("8443") int port,
        @Nullable String token,
        @DefaultValue("auto") Mode mode,
        @DefaultValue("true") boolean exchangeEnabled,
        @Nullable String hostName,
        @DefaultValue("false") boolean simulatedAdmin,
        @DefaultValue("1") double simulatedTimeScale,
        @DefaultValue("16") int maxConcurrentRequests,
        @DefaultValue Domino domino) {

    public enum Mode {
        AUTO, WINDOWS, SIMULATED
    }

    /**
     * @param enabled          whether {@code POST /v1/domino/commands} is served
     * @param program          the Domino server program ({@code nserver.exe} on Windows, {@code server} on Linux)
     * @param commandOption    its option that sends one console command to the running server
     * @param workingDirectory where to run it (the Domino data directory), default the agent's
     * @param timeout          how long one command may take before it is killed
     * @param serverName       the Domino server this agent is on; requests naming another are refused
     */
    public record Domino(
            @DefaultValue("false") boolean enabled,
            @Nullable Path program,
            @DefaultValue("-c") String commandOption,
            @Nullable Path workingDirectory,
            @DefaultValue("60s") Duration timeout,
            @Nullable String serverName) {
    }

    public Mode effectiveMode() {
        if (mode != Mode.AUTO) {
            return mode;
        }
        return isWindows() ? Mode.WINDOWS : Mode.SIMULATED;
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
