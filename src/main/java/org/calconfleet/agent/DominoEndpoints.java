package org.calconfleet.agent;

import java.util.List;

import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoResult;
import org.calconfleet.domino.agent.DominoWire;
import org.calconfleet.host.agent.AgentApi;
import org.calconfleet.host.agent.WireException;
import org.calconfleet.port.Refusal;

/**
 * {@code POST /v1/domino/commands}: commands for the Domino server beside the agent. A command the rules refuse
 * is a request no console would send, so it is answered 400 and nothing runs; a failure of the Domino side is an
 * answer (200, outcome FAILED). A request named by a {@code requestId} that was already sent is answered from
 * memory ({@link RememberedDominoRequests}).
 */
final class DominoEndpoints {

    /** Enough for every host of a large rollout to resume its DOMINO step on another console node. */
    static final int REMEMBERED_REQUESTS = 100_000;

    private final DominoConsole console;
    private final RememberedDominoRequests remembered = new RememberedDominoRequests(REMEMBERED_REQUESTS);

    DominoEndpoints(DominoConsole console) {
        this.console = console;
    }

    void register(Routes routes) {
        routes.withBody("POST", AgentApi.DOMINO_COMMANDS, r -> {
            DominoWire.Request request = DominoWire.request(r.requiredJson());
            List<? extends Refusal> server = org.calconfleet.domino.DominoCommand.refusalsForServer(request.server());
            if (!server.isEmpty()) {
                throw WireException.invalid("/server", org.calconfleet.domino.DominoCommand.describe(server.get(0)));
            }
            for (int i = 0; i < request.commands().size(); i++) {
                int index = i;
                request.commands().get(i).problem().ifPresent(p -> {
                    throw WireException.invalid("/commands/" + index, p);
                });
            }
            DominoResult result = request.requestId() == null
                    ? console.send(request.server(), request.commands())
                    : remembered.carryOut(request, () -> console.send(request.server(), request.commands()));
            return DominoWire.result(result);
        });
    }
}
