package org.calconfleet.rollout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of Linux's {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat}: the name, the parent, and the
 * CPU times in clock ticks of USER_HZ (100 a second on every architecture the JDK runs on).
 */
record ProcStat(String name, long parent, long ownTicks, long endedChildrenTicks) {

    static final long NANOS_PER_TICK = 10_000_000L;

    /** The process {@code pid}; empty when there is none (it ended, or it is in another machine's namespace). */
    static Optional<ProcStat> process(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** Empty when the process or thread ended between its listing and the read. */
    static Optional<ProcStat> read(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException gone) {
            return Optional.empty();
        }
        // the name is in brackets and may hold spaces and brackets itself, so the fields are counted from its end
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // state is field 3 (1-based), ppid 4, utime 14, stime 15, cutime 16, cstime 17: here 0, 1, 11, 12, 13, 14
        return Optional.of(new ProcStat(line.substring(line.indexOf('(') + 1, line.lastIndexOf(')')),
                Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                Long.parseLong(fields[13]) + Long.parseLong(fields[14])));
    }

    long ownNanos() {
        return ownTicks * NANOS_PER_TICK;
    }

    long endedChildrenNanos() {
        return endedChildrenTicks * NANOS_PER_TICK;
    }
}
