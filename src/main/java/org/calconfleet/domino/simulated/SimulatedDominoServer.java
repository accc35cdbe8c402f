package org.calconfleet.domino.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoFailure;
import org.jspecify.annotations.Nullable;

/**
 * A Domino server's console as far as EXCALCON goes: it records every command line received, knows whether
 * the EXCALCON task runs and with which parameters, and can be told to fail. Loading EXCALCON while it
 * already runs is rejected (the procedure quits it first). Thread-safe.
 */
public final class SimulatedDominoServer {

    /** Fail every command. */
    public static final int ALWAYS = -1;

    private final String name;
    private final List<String> received = new ArrayList<>();
    private DominoCommand.@Nullable LoadExcalcon running;
    private int failuresLeft;
    private DominoFailure failureKind = DominoFailure.FAILED;
    private Duration commandTime = Duration.ZERO;

    public SimulatedDominoServer(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Starts with EXCALCON loaded as given. */
    public synchronized SimulatedDominoServer withExcalcon(DominoCommand.LoadExcalcon load) {
        running = load;
        return this;
    }

    /** Each command takes this long before it is carried out (a real console answers in a second or more). */
    public synchronized SimulatedDominoServer withCommandTime(Duration time) {
        commandTime = time;
        return this;
    }

    synchronized Duration commandTime() {
        return commandTime;
    }

    /** The next {@code n} commands (or {@link #ALWAYS}) fail with {@code kind}, before reaching the task. */
    public synchronized void failNext(int n, DominoFailure kind) {
        if (n == 0 || n < ALWAYS) {
            throw new IllegalArgumentException("n must be positive or ALWAYS");
        }
        failuresLeft = n;
        failureKind = kind;
    }

    public synchronized void failAlways(DominoFailure kind) {
        failNext(ALWAYS, kind);
    }

    public synchronized void stopFailing() {
        failuresLeft = 0;
    }

    /** Every command line received, including refused ones, in order. */
    public synchronized List<String> received() {
        return List.copyOf(received);
    }

    public synchronized Optional<DominoCommand.LoadExcalcon> excalcon() {
        return Optional.ofNullable(running);
    }

    /** Carries out one command: the console's answer, or the failure kind with a detail. */
    synchronized Outcome execute(DominoCommand command) {
        received.add(command.commandLine());
        if (failuresLeft != 0) {
            if (failuresLeft > 0) {
                failuresLeft--;
            }
            return Outcome.failure(failureKind, "simulated " + failureKind + " on " + name);
        }
        return switch (command) {
            case DominoCommand.QuitExcalcon q -> {
                if (running == null) {
                    yield Outcome.ok("EXCALCON: task is not running");
                }
                running = null;
                yield Outcome.ok("EXCALCON: shutdown complete");
            }
            case DominoCommand.LoadExcalcon load -> {
                if (running != null) {
                    yield Outcome.failure(DominoFailure.REJECTED, "EXCALCON is already running on " + name);
                }
                running = load;
                yield Outcome.ok("EXCALCON: started, Exchange server " + load.exchangeServer() + ", ports "
                        + load.exchangeSidePort() + "/" + load.notesSidePort());
            }
        };
    }

    record Outcome(@Nullable String response, @Nullable DominoFailure failure, String detail) {
        static Outcome ok(String response) {
            return new Outcome(response, null, "");
        }

        static Outcome failure(DominoFailure kind, String detail) {
            return new Outcome(null, kind, detail);
        }
    }
}
