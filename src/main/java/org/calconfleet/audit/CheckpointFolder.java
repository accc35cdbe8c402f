package org.calconfleet.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The folder of checkpoint files, one per checkpoint, numbered from 1 without gaps. */
final class CheckpointFolder {

    private final Path folder;

    CheckpointFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    /** Writes the file whole or not at all, so a reader never finds half a checkpoint. */
    Path write(AuditCheckpoint checkpoint) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(checkpoint.fileName());
        Path draft = Files.createTempFile(folder, ".checkpoint", ".tmp");
        try {
            Files.writeString(draft, checkpoint.text(), StandardCharsets.UTF_8);
            Files.move(draft, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(draft);
        }
        return target;
    }

    /**
     * Every checkpoint file, checked against the public key. A number is missing when it lies below the highest
     * number seen, in the folder or in {@code knownNumbers} (the console's own list of what it wrote), without a file.
     */
    CheckpointSet read(PublicKey key, Collection<Long> knownNumbers) throws IOException {
        List<AuditCheckpoint> valid = new ArrayList<>();
        TreeSet<Long> forged = new TreeSet<>();
        TreeSet<Long> present = new TreeSet<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    Optional<Long> number = AuditCheckpoint.numberOfFile(file.getFileName().toString());
                    if (number.isEmpty()) {
                        continue;
                    }
                    present.add(number.get());
                    Optional<AuditCheckpoint> checkpoint = AuditCheckpoint.parse(
                            Files.readString(file, StandardCharsets.UTF_8));
                    if (checkpoint.isPresent() && checkpoint.get().number() == number.get()
                            && checkpoint.get().isSignedBy(key)) {
                        valid.add(checkpoint.get());
                    } else {
                        forged.add(number.get());
                    }
                }
            }
        }
        long highest = Stream.concat(present.stream(), knownNumbers.stream()).mapToLong(Long::longValue).max()
                .orElse(0);
        List<Long> missing = new ArrayList<>();
        for (long number = 1; number <= highest; number++) {
            if (!present.contains(number)) {
                missing.add(number);
            }
        }
        return new CheckpointSet(valid, List.copyOf(forged), missing);
    }
}
