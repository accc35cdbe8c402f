package org.calconfleet.host.simulated;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON file per simulated host in a directory, replaced whole at every save: the new state goes to a temporary
 * file beside it, is forced to disk, and is renamed over the old one (an atomic rename), and the directory is forced
 * so the rename lasts too. A process killed at any moment leaves each host's old state or its new one, never a torn
 * file; temporary files it leaves behind are removed when the directory is next opened.
 */
public final class SimulatedHostFiles implements SimulatedHostStore {

    private static final String SUFFIX = ".json";
    private static final String TEMPORARY = ".tmp";
    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final Path directory;
    private final JsonMapper json = JsonMapper.builder().build();

    private SimulatedHostFiles(Path directory) {
        this.directory = directory;
    }

    /** The store in {@code directory}, created if missing. */
    public static SimulatedHostFiles in(Path directory) {
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + TEMPORARY)) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + directory + " for the simulated hosts' state", e);
        }
        return new SimulatedHostFiles(directory);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Optional<SimulatedHostState> load(String hostName) {
        Path file = file(hostName);
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file), SimulatedHostState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulated host state " + file, e);
        }
    }

    /** Callers save one host at a time (its monitor), so one temporary file per host is enough. */
    @Override
    public void save(SimulatedHostState state) {
        Path file = file(state.hostName());
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY);
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(json.writeValueAsBytes(state));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the simulated host state " + file, e);
        }
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Windows opens no directory as a channel: there the atomic rename alone keeps the file whole.
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                throw e;
            }
        }
    }

    /** A host's file: its lower-case name when that is a plain DNS name, else the name's UTF-8 bytes in hex. */
    Path file(String hostName) {
        String name = hostName.toLowerCase(Locale.ROOT);
        return directory.resolve((PLAIN_NAME.matcher(name).matches() ? name
                : "x-" + HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8))) + SUFFIX);
    }
}
