package org.calconfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the Domino server program ({@code nserver -c "command"}): a shell script that records each call's
 * arguments exactly as it received them (one per line, calls separated by {@value #END}), notes whether the
 * agent's token reached its environment, prints an answer and exits 0; or exits 3 while {@link #failing(boolean)},
 * or hangs while {@link #hanging(boolean)}. POSIX systems only.
 */
public final class FakeDominoServer {

    public static final String END = "<end of call>";

    private final Path dir;
    private final Path program;

    private FakeDominoServer(Path dir) {
        this.dir = dir;
        this.program = dir.resolve("server");
    }

    public static FakeDominoServer in(Path dir) {
        try {
            Files.createDirectories(dir);
            FakeDominoServer fake = new FakeDominoServer(dir);
            String script = """
                    #!/bin/sh
                    here=$(dirname "$0")
                    for argument in "$@"; do printf '%s\\n' "$argument" >> "$here/calls.txt"; done
                    printf '%s\\n' '<end of call>' >> "$here/calls.txt"
                    if [ -n "$CALCON_AGENT_TOKEN" ]; then echo leaked >> "$here/token-seen.txt"; fi
                    if [ -f "$here/hang" ]; then sleep 30; fi
                    if [ -f "$here/fail" ]; then echo "EXCALCON: error: simulated failure"; exit 3; fi
                    echo "EXCALCON: done: $2"
                    """;
            Files.writeString(fake.program, script, StandardCharsets.US_ASCII);
            if (!fake.program.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + fake.program + " executable");
            }
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path program() {
        return program;
    }

    /** The argument lists of every call so far, in order. */
    public List<List<String>> calls() {
        try {
            Path file = dir.resolve("calls.txt");
            List<List<String>> calls = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String line : Files.exists(file) ? Files.readAllLines(file) : List.<String>of()) {
                if (line.equals(END)) {
                    calls.add(List.copyOf(current));
                    current.clear();
                } else {
                    current.add(line);
                }
            }
            return calls;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean sawToken() {
        return Files.exists(dir.resolve("token-seen.txt"));
    }

    public void forget() {
        try {
            Files.deleteIfExists(dir.resolve("calls.txt"));
            failing(false);
            hanging(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void failing(boolean failing) {
        flag("fail", failing);
    }

    public void hanging(boolean hanging) {
        flag("hang", hanging);
    }

    private void flag(String name, boolean on) {
        try {
            if (on) {
                Files.writeString(dir.resolve(name), "");
            } else {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
