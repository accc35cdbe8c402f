package org.calconfleet.change;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;
import org.calconfleet.i18n.StoredMessage;
import org.jspecify.annotations.Nullable;

/**
 * The read-only look at a host that both the plan and the run's precheck take: the port values, the service, the
 * diagnostic level, and whether the target port is free (the host's listener table, or a TCP probe where the
 * backend cannot list listeners). The connector's own listener is left out: while the connector runs with the
 * Exchange-side value at the target port, one listener there is the connector itself. What each check found is a
 * message with typed arguments, rendered when read.
 */
public final class HostInspector {

    /** Carries one read: the plan reads once, the engine retries transient failures. */
    public interface Caller {
        <T> HostResult<T> call(HostRead what, Supplier<HostResult<T>> read);
    }

    /** What the inspection reads: by the action the engine's log names while retrying, and by why it failed. */
    public enum HostRead {
        PORT_VALUES("READ_PORTS"), SERVICE("QUERY_SERVICE"), DIAGNOSTICS("READ_DIAGNOSTICS"),
        LISTENERS("LIST_LISTENERS"), PORT_PROBE("PROBE_PORT");

        private final String action;

        HostRead(String action) {
            this.action = action;
        }

        /** The label of the read as an action, among the engine's other calls to a host. */
        public String actionKey() {
            return "rollout.action." + action;
        }

        String messageKey() {
            return "rollout.read." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The host's technical detail of a failure is kept, cut where it runs long: it is English from the host. */
    public static final int FAILURE_DETAIL_MAX = 300;

    public record Inspection(@Nullable CalConPorts ports, @Nullable ServiceState service,
                      @Nullable DiagnosticLevel diagnostics, List<Precheck> checks,
                      HostResult.@Nullable Failure<?> failure) {

        public boolean blocked() {
            return failure != null || checks.stream().anyMatch(c -> c.status() == Precheck.Status.FAIL);
        }

        public boolean unverifiable() {
            return diagnostics == null || !diagnostics.isHighOrAbove();
        }

        /** Both values already hold the port and the connector runs. */
        public boolean atTarget(int target) {
            return ports != null && hasPort(ports, target) && service == ServiceState.RUNNING;
        }

        public boolean needsWrite(int target) {
            return ports == null || !hasPort(ports, target);
        }

        /** The checks that failed, each with what it found. */
        public StoredMessage blockedBy() {
            return failedChecks(checks);
        }

        /** {@link #blockedBy()} stored as it is, for the run's precheck step until that step stores messages. */
        public String problems() {
            return blockedBy().toJson();
        }
    }

    /** The failed checks of a host, each with what it found: why it is blocked. */
    public static StoredMessage failedChecks(List<Precheck> checks) {
        return StoredMessage.of("rollout.precheck.failed", StoredMessage.listed(checks.stream()
                .filter(c -> c.status() == Precheck.Status.FAIL).map(c -> StoredMessage.inner(c.line())).toList()));
    }

    public static boolean hasPort(CalConPorts ports, int port) {
        OptionalInt agreed = ports.agreedPort();
        return agreed.isPresent() && agreed.getAsInt() == port;
    }

    private HostInspector() {
    }

    private static boolean restorable(RegistryRead read) {
        return !(read instanceof RegistryRead.WrongType w) || w.restorable();
    }

    public static Inspection inspect(HostBackend host, int target, Duration probeTimeout, Caller caller) {
        List<Precheck> checks = new ArrayList<>();
        HostResult<CalConPorts> portsRead = caller.call(HostRead.PORT_VALUES, host::readCalConPorts);
        if (portsRead instanceof HostResult.Failure<CalConPorts> f) {
            checks.add(Precheck.fail(Precheck.Check.REACHABLE, cannot(HostRead.PORT_VALUES, f)));
            return new Inspection(null, null, null, checks, f);
        }
        CalConPorts ports = portsRead.orElseThrow();
        StoredMessage.Argument exchange = StoredMessage.inner(ValueDiff.value(ports.exchangeSide()));
        StoredMessage.Argument notes = StoredMessage.inner(ValueDiff.value(ports.notesSide()));
        checks.add(Precheck.pass(Precheck.Check.REACHABLE, "rollout.precheck.values", exchange, notes));
        if (ports.exchangeSide() instanceof RegistryRead.WrongType
                || ports.notesSide() instanceof RegistryRead.WrongType) {
            boolean restorable = restorable(ports.exchangeSide()) && restorable(ports.notesSide());
            checks.add(Precheck.warn(Precheck.Check.VALUE_TYPE, restorable
                    ? "rollout.precheck.value-type.restorable" : "rollout.precheck.value-type.not-restorable",
                    exchange, notes));
        }

        HostResult<ServiceState> serviceRead = caller.call(HostRead.SERVICE, host::queryServiceState);
        if (serviceRead instanceof HostResult.Failure<ServiceState> f) {
            checks.add(Precheck.fail(Precheck.Check.SERVICE_PRESENT, cannot(HostRead.SERVICE, f)));
            return new Inspection(ports, null, null, checks, f);
        }
        ServiceState service = serviceRead.orElseThrow();
        StoredMessage.Argument serviceName = StoredMessage.verbatim(host.serviceName());
        if (service == ServiceState.NOT_INSTALLED) {
            checks.add(Precheck.fail(Precheck.Check.SERVICE_PRESENT, "rollout.precheck.service.absent", serviceName));
            return new Inspection(ports, service, null, checks, null);
        }
        checks.add(Precheck.pass(Precheck.Check.SERVICE_PRESENT, "rollout.precheck.service.present", serviceName,
                new StoredMessage.Choice(service.messageKey())));

        DiagnosticLevel level = null;
        HostResult<DiagnosticLevel> levelRead = caller.call(HostRead.DIAGNOSTICS, host::readDiagnosticLevel);
        if (levelRead instanceof HostResult.Failure<DiagnosticLevel> f) {
            if (f.kind() != HostFailure.WRONG_VALUE_TYPE) {
                checks.add(Precheck.fail(Precheck.Check.DIAGNOSTICS_HIGH, cannot(HostRead.DIAGNOSTICS, f)));
                return new Inspection(ports, service, null, checks, f);
            }
            checks.add(Precheck.warn(Precheck.Check.DIAGNOSTICS_HIGH, "rollout.precheck.diagnostics.unreadable",
                    detail(f)));
        } else {
            level = levelRead.orElseThrow();
            StoredMessage.Argument shown = new StoredMessage.Choice(level.messageKey());
            checks.add(level.isHighOrAbove()
                    ? Precheck.pass(Precheck.Check.DIAGNOSTICS_HIGH, "rollout.precheck.diagnostics.high", shown)
                    : Precheck.warn(Precheck.Check.DIAGNOSTICS_HIGH, "rollout.precheck.diagnostics.low", shown));
        }

        HostResult.Failure<?> failure = checkPortFree(host, target, ports, service, probeTimeout, caller, checks);
        return new Inspection(ports, service, level, checks, failure);
    }

    private static HostResult.@Nullable Failure<?> checkPortFree(HostBackend host, int target, CalConPorts ports,
            ServiceState service, Duration probeTimeout, Caller caller, List<Precheck> checks) {
        if (target == 0) {
            checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "rollout.precheck.port.dynamic"));
            return null;
        }
        StoredMessage.Argument port = StoredMessage.port(target);
        // The connector binds the Exchange-side port: while it runs with that value at the target, one listener
        // on the target is its own.
        boolean connectorHolds = service == ServiceState.RUNNING
                && ports.exchangeSide().dword().orElse(-1) == target;
        HostResult<List<TcpListener>> listeners = caller.call(HostRead.LISTENERS, host::listTcpListeners);
        if (listeners instanceof HostResult.Ok<List<TcpListener>> ok) {
            List<TcpListener> holders = ok.value().stream().filter(l -> l.port() == target).toList();
            StoredMessage.Argument who = StoredMessage.listed(holders.stream().map(l -> StoredMessage.inner(
                    StoredMessage.of("rollout.precheck.port.process", StoredMessage.verbatim(l.processName()),
                            StoredMessage.port(l.processId())))).toList());
            if (holders.isEmpty()) {
                checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "rollout.precheck.port.free", port));
            } else if (connectorHolds && holders.size() == 1) {
                checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "rollout.precheck.port.connector", port, who));
            } else if (connectorHolds) {
                checks.add(Precheck.warn(Precheck.Check.PORT_FREE, "rollout.precheck.port.connector-and-others",
                        port, who));
            } else {
                checks.add(Precheck.fail(Precheck.Check.PORT_FREE, "rollout.precheck.port.in-use", port, who));
            }
            return null;
        }
        if (connectorHolds) {
            checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "rollout.precheck.port.connector-probed", port));
            return null;
        }
        HostResult.Failure<?> listFailure = listeners.failure().orElseThrow();
        if (listFailure.kind() != HostFailure.UNSUPPORTED) {
            checks.add(Precheck.fail(Precheck.Check.PORT_FREE, cannot(HostRead.LISTENERS, listFailure)));
            return listFailure;
        }
        HostResult<TcpProbe> probe = caller.call(HostRead.PORT_PROBE, () -> host.probeTcpPort(target, probeTimeout));
        switch (probe) {
            case HostResult.Ok<TcpProbe> ok -> checks.add(switch (ok.value()) {
                case ACCEPTED -> Precheck.fail(Precheck.Check.PORT_FREE, "rollout.precheck.probe.accepted", port);
                case REFUSED -> Precheck.pass(Precheck.Check.PORT_FREE, "rollout.precheck.probe.refused", port);
                case NO_ANSWER -> Precheck.warn(Precheck.Check.PORT_FREE, "rollout.precheck.probe.no-answer", port);
            });
            case HostResult.Failure<TcpProbe> f -> checks.add(Precheck.warn(Precheck.Check.PORT_FREE,
                    "rollout.precheck.probe.failed", port, new StoredMessage.Choice(f.kind().messageKey()),
                    detail(f)));
        }
        return null;
    }

    /** A read that failed: what could not be read, the kind of failure and the host's detail. */
    public static StoredMessage cannot(HostRead what, HostResult.Failure<?> f) {
        return StoredMessage.of("rollout.precheck.cannot", new StoredMessage.Choice(what.messageKey()),
                new StoredMessage.Choice(f.kind().messageKey()), detail(f));
    }

    private static StoredMessage.Argument detail(HostResult.Failure<?> f) {
        String detail = f.detail();
        return StoredMessage.verbatim(detail.length() <= FAILURE_DETAIL_MAX ? detail
                : detail.substring(0, FAILURE_DETAIL_MAX) + "…");
    }

    /** In the words of the engine's log, for the run's steps until they store messages. */
    public static String describe(String what, HostResult.Failure<?> f) {
        return "cannot " + what + ": " + f.kind() + " " + f.detail();
    }
}
