package org.calconfleet.rollout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The CPU each kind of thread used, read per thread from Linux's /proc: the JVM's own (the JIT compilers, the garbage
 * collector's and the VM thread), which the process's CPU counts with the engine's (on a run of 1,000 hosts the
 * compilers alone can take half of it, a cost of warming up rather than of each host), and the engine's own threads,
 * which tell where its Java code spends. Zero where there is no /proc.
 */
record JvmThreadsCpu(Map<Kind, Long> nanos) {

    /** Kinds of threads, told by their names (Linux keeps the first 15 characters). */
    enum Kind {
        COMPILER("JIT compilers"),
        GC("GC threads"),
        VM("the VM thread"),
        /** The virtual threads' carriers: the host runs' steps, db-scheduler's executions, the simulated hosts. */
        CARRIERS("virtual-thread carriers"),
        ADMISSIONS("admissions"),
        AUDIT_PUMP("audit pump"),
        SCHEDULER("db-scheduler's own threads"),
        OTHER("other threads");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        static @Nullable Kind of(String name) {
            if (name.contains("CompilerThre")) {
                return COMPILER;
            } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                return GC;
            } else if (name.equals("VM Thread")) {
                return VM;
            } else if (name.startsWith("ForkJoinPool-")) {
                return CARRIERS;
            } else if (name.startsWith("rollout-admissi")) {
                return ADMISSIONS;
            } else if (name.equals("audit-pump")) {
                return AUDIT_PUMP;
            } else if (name.startsWith("db-scheduler")) {
                return SCHEDULER;
            } else if (name.equals("java")) {
                return null; // the benchmark's own main thread, which waits for the rollout
            }
            return OTHER;
        }
    }

    static JvmThreadsCpu now() {
        Map<Kind, Long> nanos = new EnumMap<>(Kind.class);
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new JvmThreadsCpu(nanos);
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                ProcStat.read(thread.resolve("stat")).ifPresent(stat -> {
                    Kind kind = Kind.of(stat.name());
                    if (kind != null) {
                        nanos.merge(kind, stat.ownNanos(), Long::sum);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JvmThreadsCpu(nanos);
    }

    JvmThreadsCpu since(JvmThreadsCpu before) {
        Map<Kind, Long> delta = new EnumMap<>(nanos);
        before.nanos.forEach((kind, value) -> delta.merge(kind, -value, Long::sum));
        return new JvmThreadsCpu(delta);
    }

    long compilerNanos() {
        return nanos.getOrDefault(Kind.COMPILER, 0L);
    }

    long gcNanos() {
        return nanos.getOrDefault(Kind.GC, 0L);
    }

    private double millisPerHost(Kind kind, int hosts) {
        return nanos.getOrDefault(kind, 0L) / 1e6 / hosts;
    }

    /**
     * The split of the engine's CPU per host: the JIT compilers, GC and VM threads, and what is left, Java code, itself
     * split by the engine's threads (the carriers' share without the simulated hosts' own, {@code hostsSeconds}).
     */
    String describe(double engineSeconds, double hostsSeconds, int hosts) {
        double compiler = millisPerHost(Kind.COMPILER, hosts);
        double gc = millisPerHost(Kind.GC, hosts);
        double vm = millisPerHost(Kind.VM, hosts);
        String threads = Stream.of(Kind.CARRIERS, Kind.ADMISSIONS, Kind.AUDIT_PUMP, Kind.SCHEDULER, Kind.OTHER)
                .map(kind -> String.format(Locale.ROOT, "%s %.2f ms", kind.label, kind == Kind.CARRIERS
                        ? millisPerHost(kind, hosts) - hostsSeconds * 1000 / hosts : millisPerHost(kind, hosts)))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "of which JIT compilers %.2f ms, GC threads %.2f ms and the VM thread %.2f ms"
                + " per host, leaving %.2f ms per host to the engine's Java code (by thread, per host: %s)",
                compiler, gc, vm, engineSeconds * 1000 / hosts - compiler - gc - vm, threads);
    }
}
