package org.calconfleet.domino.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;

/** {@link DominoConsole} over simulated servers, found by name (case-insensitive). */
public final class SimulatedDominoConsole implements DominoConsole {

    private final Map<String, SimulatedDominoServer> servers = new ConcurrentSkipListMap<>(String.CASE_INSENSITIVE_ORDER);

    public SimulatedDominoServer add(SimulatedDominoServer server) {
        servers.put(server.name(), server);
        return server;
    }

    public Optional<SimulatedDominoServer> server(String name) {
        return Optional.ofNullable(servers.get(name));
    }

    @Override
    public DominoResult send(String dominoServer, List<DominoCommand> commands) {
        Optional<DominoResult.Failed> refused = DominoConsole.refuse(dominoServer, commands);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> lines = commands.stream().map(DominoCommand::commandLine).toList();
        SimulatedDominoServer server = servers.get(dominoServer);
        if (server == null) {
            return DominoResult.failed(dominoServer, lines, DominoFailure.NOT_FOUND,
                    "no simulated Domino server named " + dominoServer);
        }
        List<String> responses = new ArrayList<>();
        for (DominoCommand command : commands) {
            try {
                Duration time = server.commandTime();
                if (time.isPositive()) {
                    Thread.sleep(time);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DominoResult.failed(dominoServer, lines, DominoFailure.TIMED_OUT,
                        "interrupted before '" + command.commandLine() + "'");
            }
            SimulatedDominoServer.Outcome outcome = server.execute(command);
            if (outcome.failure() != null) {
                return DominoResult.failed(dominoServer, lines, outcome.failure(),
                        outcome.detail() + " (at '" + command.commandLine() + "')");
            }
            responses.add(Objects.requireNonNullElse(outcome.response(), ""));
        }
        return new DominoResult.Sent(dominoServer, lines, responses);
    }
}
