package org.calconfleet.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.calconfleet.domino.DominoCommand;
import org.calconfleet.domino.DominoConsole;
import org.calconfleet.domino.DominoFailure;
import org.calconfleet.domino.DominoResult;
import org.jspecify.annotations.Nullable;

/**
 * The Domino console of the Domino server this agent runs beside: each command is handed to the Domino server
 * program's console option ({@code nserver.exe -c "Excalcon q"} on Windows, {@code server -c …} on Linux), which
 * passes it to the running server. The program is started with an argument list, never through a shell; every
 * line is built and checked by the {@code port} package's rules first (names of letters, digits, '.', '-', '_'
 * only), so nothing in it can split or extend the command. One command at a time; the agent's token is not
 * passed on in the environment. Exit code 0 counts as carried out, with the program's output as the response.
 */
public final class ServerProgramDominoConsole implements DominoConsole {

    /** The only lines that may ever be sent, whatever produced them. */
    static final Pattern LINE = Pattern.compile(
            "Excalcon q|LOAD EXCALCON [A-Za-z0-9._][A-Za-z0-9._-]* [A-Za-z0-9._][A-Za-z0-9._-]* [0-9]{1,5} [0-9]{1,5} [01]");
    static final int MAX_OUTPUT = 8 * 1024;
    static final String TOKEN_VARIABLE = "CALCON_AGENT_TOKEN";

    private final Path program;
    private final String commandOption;
    private final @Nullable Path workingDirectory;
    private final Duration timeout;
    private final @Nullable String serverName;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public ServerProgramDominoConsole(Path program, String commandOption, @Nullable Path workingDirectory,
            Duration timeout, @Nullable String serverName) {
        if (!commandOption.matches("[-/][A-Za-z]{1,16}")) {
            throw new IllegalArgumentException("the command option must look like -c: " + commandOption);
        }
        this.program = program;
        this.commandOption = commandOption;
        this.workingDirectory = workingDirectory;
        this.timeout = timeout;
        this.serverName = serverName;
    }

    @Override
    public DominoResult send(String dominoServer, List<DominoCommand> commands) {
        Optional<DominoResult.Failed> refused = DominoConsole.refuse(dominoServer, commands);
        if (refused.isPresent()) {
            return refused.get();
        }
        List<String> lines = commands.stream().map(DominoCommand::commandLine).toList();
        if (serverName != null && !serverName.equalsIgnoreCase(dominoServer)) {
            return DominoResult.failed(dominoServer, lines, DominoFailure.NOT_FOUND,
                    "this agent serves Domino server " + serverName + ", not " + dominoServer);
        }
        for (String line : lines) {
            if (!LINE.matcher(line).matches()) {
                return DominoResult.failed(dominoServer, lines, DominoFailure.INVALID_ARGUMENT,
                        "not a line of the procedure: " + line);
            }
        }
        oneAtATime.lock();
        try {
            List<String> responses = new ArrayList<>();
            for (String line : lines) {
                Outcome outcome = run(line);
                if (outcome.failure() != null) {
                    return DominoResult.failed(dominoServer, lines, outcome.failure(), outcome.text() + " (at '" + line + "')");
                }
                responses.add(outcome.text());
            }
            return new DominoResult.Sent(dominoServer, lines, responses);
        } finally {
            oneAtATime.unlock();
        }
    }

    private record Outcome(@Nullable DominoFailure failure, String text) {
    }

    private Outcome run(String line) {
        ProcessBuilder builder = new ProcessBuilder(List.of(program.toString(), commandOption, line))
                .redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().remove(TOKEN_VARIABLE);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Outcome(DominoFailure.FAILED, "cannot start the Domino server program " + program + ": " + e.getMessage());
        }
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException ignored) {
            // the program does not read its input; nothing to close
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Outcome(DominoFailure.TIMED_OUT, "the Domino server program did not finish within " + timeout);
            }
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Outcome(DominoFailure.FAILED, "interrupted while the Domino server program ran");
        }
        String text;
        synchronized (output) {
            text = output.toString(Charset.defaultCharset()).strip();
        }
        int exit = process.exitValue();
        if (exit != 0) {
            return new Outcome(DominoFailure.FAILED, "the Domino server program ended with exit code " + exit
                    + (text.isEmpty() ? "" : ": " + tail(text)));
        }
        return new Outcome(null, text);
    }

    private static void drain(InputStream in, ByteArrayOutputStream output) {
        byte[] buffer = new byte[4096];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (output) {
                    int room = MAX_OUTPUT - output.size();
                    if (room > 0) {
                        output.write(buffer, 0, Math.min(room, n));
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended or was killed; what was read is kept
        }
    }

    private static String tail(String text) {
        return text.length() > 500 ? "…" + text.substring(text.length() - 500) : text;
    }
}
