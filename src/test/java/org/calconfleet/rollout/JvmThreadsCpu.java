package org.calconfleet.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The CPU the JVM's own threads used (the JIT compilers, the garbage collector's and the VM thread), read per thread
 * from Linux's /proc: the process's CPU counts them with the engine's, and on a run of 1,000 hosts the compilers
 * alone can take half of it, a cost of warming up rather than of each host. Zero where there is no /proc.
 */
record JvmThreadsCpu(long compilerNanos, long gcNanos, long vmNanos) {

    /** Linux reports thread times in clock ticks of USER_HZ, 100 a second on every architecture the JDK runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static JvmThreadsCpu now() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new JvmThreadsCpu(0, 0, 0);
        }
        long compiler = 0;
        long gc = 0;
        long vm = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                String stat = read(thread.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the name: state is field 3 of stat, utime 14 and stime 15 (1-based), so 11 and 12 here.
                long nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
                if (name.contains("CompilerThre")) {
                    compiler += nanos;
                } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                    gc += nanos;
                } else if (name.equals("VM Thread")) {
                    vm += nanos;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JvmThreadsCpu(compiler, gc, vm);
    }

    private static @Nullable String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException gone) {
            return null; // the thread ended between the listing and the read
        }
    }

    JvmThreadsCpu since(JvmThreadsCpu before) {
        return new JvmThreadsCpu(compilerNanos - before.compilerNanos, gcNanos - before.gcNanos,
                vmNanos - before.vmNanos);
    }

    /** The split of the engine's CPU per host: the JIT compilers, GC and VM threads, and what is left, Java code. */
    String describe(double engineSeconds, int hosts) {
        double compiler = compilerNanos / 1e6 / hosts;
        double gc = gcNanos / 1e6 / hosts;
        double vm = vmNanos / 1e6 / hosts;
        return String.format(Locale.ROOT, "of which JIT compilers %.2f ms, GC threads %.2f ms and the VM thread %.2f ms"
                + " per host, leaving %.2f ms per host to the engine's Java code", compiler, gc, vm,
                engineSeconds * 1000 / hosts - compiler - gc - vm);
    }
}
