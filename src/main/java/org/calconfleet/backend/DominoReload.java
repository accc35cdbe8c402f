package org.calconfleet.backend;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Who reloads EXCALCON on a server's Domino partner after a change, as a plan and the server page say it: the
 * simulated Domino servers (demo), the agent on the partner's host at {@code agentUrl}, or an operator from the
 * runbook, who then confirms.
 */
public record DominoReload(Way way, @Nullable String agentUrl) {

    public enum Way {
        SIMULATED, AGENT, RUNBOOK
    }

    public static final DominoReload SIMULATED = new DominoReload(Way.SIMULATED, null);
    public static final DominoReload RUNBOOK = new DominoReload(Way.RUNBOOK, null);

    public static DominoReload agent(String url) {
        return new DominoReload(Way.AGENT, url);
    }

    public String messageKey() {
        return "backend.dominoReload." + way.name().toLowerCase(Locale.ROOT);
    }

    public List<String> arguments() {
        return agentUrl == null ? List.of() : List.of(agentUrl);
    }
}
