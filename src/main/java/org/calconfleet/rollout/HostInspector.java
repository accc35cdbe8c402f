package org.calconfleet.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostFailure;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.RegistryRead;
import org.calconfleet.host.ServiceState;
import org.calconfleet.host.TcpListener;
import org.calconfleet.host.TcpProbe;
import org.jspecify.annotations.Nullable;

/**
 * The read-only look at a host that both the plan and the run's precheck take: the port values, the service, the
 * diagnostic level, and whether the target port is free (the host's listener table, or a TCP probe where the
 * backend cannot list listeners). The connector's own listener is left out: while the connector runs with the
 * Exchange-side value at the target port, one listener there is the connector itself.
 */
final class HostInspector {

    /** Carries one read: the plan reads once, the engine retries transient failures. */
    interface Caller {
        <T> HostResult<T> call(String what, Supplier<HostResult<T>> read);
    }

    record Inspection(@Nullable CalConPorts ports, @Nullable ServiceState service,
                      @Nullable DiagnosticLevel diagnostics, List<Precheck> checks,
                      HostResult.@Nullable Failure<?> failure) {

        boolean blocked() {
            return failure != null || checks.stream().anyMatch(c -> c.status() == Precheck.Status.FAIL);
        }

        boolean unverifiable() {
            return diagnostics == null || !diagnostics.isHighOrAbove();
        }

        /** Both values already hold the port and the connector runs. */
        boolean atTarget(int target) {
            return ports != null && hasPort(ports, target) && service == ServiceState.RUNNING;
        }

        boolean needsWrite(int target) {
            return ports == null || !hasPort(ports, target);
        }

        String problems() {
            return checks.stream().filter(c -> c.status() == Precheck.Status.FAIL).map(Precheck::toString)
                    .collect(Collectors.joining("; "));
        }
    }

    static boolean hasPort(CalConPorts ports, int port) {
        OptionalInt agreed = ports.agreedPort();
        return agreed.isPresent() && agreed.getAsInt() == port;
    }

    /** What the port check was where the backend cannot list the host's listeners: said with every such result. */
    static final String PROBE_LABEL = "(checked by a TCP connect from the console: this path cannot read the host's"
            + " listener table)";

    private HostInspector() {
    }

    private static boolean restorable(RegistryRead read) {
        return !(read instanceof RegistryRead.WrongType w) || w.restorable();
    }

    static Inspection inspect(HostBackend host, int target, Duration probeTimeout, Caller caller) {
        List<Precheck> checks = new ArrayList<>();
        HostResult<CalConPorts> portsRead = caller.call("read the port values", host::readCalConPorts);
        if (portsRead instanceof HostResult.Failure<CalConPorts> f) {
            checks.add(Precheck.fail(Precheck.Check.REACHABLE, describe("read the port values", f)));
            return new Inspection(null, null, null, checks, f);
        }
        CalConPorts ports = portsRead.orElseThrow();
        checks.add(Precheck.pass(Precheck.Check.REACHABLE, "values " + ports.exchangeSide() + " / " + ports.notesSide()));
        if (ports.exchangeSide() instanceof RegistryRead.WrongType
                || ports.notesSide() instanceof RegistryRead.WrongType) {
            boolean restorable = restorable(ports.exchangeSide()) && restorable(ports.notesSide());
            checks.add(Precheck.warn(Precheck.Check.VALUE_TYPE, "values " + ports.exchangeSide() + " / "
                    + ports.notesSide() + ": the change writes REG_DWORD; " + (restorable
                    ? "a rollback puts back what is there now, type and data"
                    : "a rollback cannot put back a value whose data is too long to keep")));
        }

        HostResult<ServiceState> serviceRead = caller.call("query the service", host::queryServiceState);
        if (serviceRead instanceof HostResult.Failure<ServiceState> f) {
            checks.add(Precheck.fail(Precheck.Check.SERVICE_PRESENT, describe("query the service", f)));
            return new Inspection(ports, null, null, checks, f);
        }
        ServiceState service = serviceRead.orElseThrow();
        if (service == ServiceState.NOT_INSTALLED) {
            checks.add(Precheck.fail(Precheck.Check.SERVICE_PRESENT, "no service named " + host.serviceName()));
            return new Inspection(ports, service, null, checks, null);
        }
        checks.add(Precheck.pass(Precheck.Check.SERVICE_PRESENT, host.serviceName() + " " + service));

        DiagnosticLevel level = null;
        HostResult<DiagnosticLevel> levelRead = caller.call("read the diagnostic level", host::readDiagnosticLevel);
        if (levelRead instanceof HostResult.Failure<DiagnosticLevel> f) {
            if (f.kind() != HostFailure.WRONG_VALUE_TYPE) {
                checks.add(Precheck.fail(Precheck.Check.DIAGNOSTICS_HIGH, describe("read the diagnostic level", f)));
                return new Inspection(ports, service, null, checks, f);
            }
            checks.add(Precheck.warn(Precheck.Check.DIAGNOSTICS_HIGH, f.detail() + ": the change will be unverifiable"));
        } else {
            level = levelRead.orElseThrow();
            checks.add(level.isHighOrAbove()
                    ? Precheck.pass(Precheck.Check.DIAGNOSTICS_HIGH, level.name())
                    : Precheck.warn(Precheck.Check.DIAGNOSTICS_HIGH, level.name()
                            + ": logging below High, event 6001 is not written, the change will be unverifiable"));
        }

        HostResult.Failure<?> failure = checkPortFree(host, target, ports, service, probeTimeout, caller, checks);
        return new Inspection(ports, service, level, checks, failure);
    }

    private static HostResult.@Nullable Failure<?> checkPortFree(HostBackend host, int target, CalConPorts ports,
            ServiceState service, Duration probeTimeout, Caller caller, List<Precheck> checks) {
        if (target == 0) {
            checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "dynamic port: nothing to reserve"));
            return null;
        }
        // The connector binds the Exchange-side port: while it runs with that value at the target, one listener
        // on the target is its own.
        boolean connectorHolds = service == ServiceState.RUNNING
                && ports.exchangeSide().dword().orElse(-1) == target;
        HostResult<List<TcpListener>> listeners = caller.call("list the TCP listeners", host::listTcpListeners);
        if (listeners instanceof HostResult.Ok<List<TcpListener>> ok) {
            List<TcpListener> holders = ok.value().stream().filter(l -> l.port() == target).toList();
            String who = holders.stream().map(l -> l.processName() + " (pid " + l.processId() + ")")
                    .collect(Collectors.joining(", "));
            if (holders.isEmpty()) {
                checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "nothing listens on TCP " + target));
            } else if (connectorHolds && holders.size() == 1) {
                checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "the connector itself listens on TCP " + target
                        + ": " + who));
            } else if (connectorHolds) {
                checks.add(Precheck.warn(Precheck.Check.PORT_FREE, "TCP " + target + " has several listeners, one of"
                        + " them the connector: " + who));
            } else {
                checks.add(Precheck.fail(Precheck.Check.PORT_FREE, "TCP " + target + " is in use on the host by " + who));
            }
            return null;
        }
        if (connectorHolds) {
            checks.add(Precheck.pass(Precheck.Check.PORT_FREE, "the connector itself listens on TCP " + target));
            return null;
        }
        HostResult.Failure<?> listFailure = listeners.failure().orElseThrow();
        if (listFailure.kind() != HostFailure.UNSUPPORTED) {
            checks.add(Precheck.fail(Precheck.Check.PORT_FREE, describe("list the TCP listeners", listFailure)));
            return listFailure;
        }
        HostResult<TcpProbe> probe = caller.call("probe TCP " + target, () -> host.probeTcpPort(target, probeTimeout));
        switch (probe) {
            case HostResult.Ok<TcpProbe> ok -> checks.add(switch (ok.value()) {
                case ACCEPTED -> Precheck.fail(Precheck.Check.PORT_FREE,
                        "something accepts connections on TCP " + target + " " + PROBE_LABEL);
                case REFUSED -> Precheck.pass(Precheck.Check.PORT_FREE,
                        "TCP " + target + " refuses connections " + PROBE_LABEL);
                case NO_ANSWER -> Precheck.warn(Precheck.Check.PORT_FREE,
                        "no answer on TCP " + target + " (filtered?): cannot tell whether it is free " + PROBE_LABEL);
            });
            case HostResult.Failure<TcpProbe> f ->
                    checks.add(Precheck.warn(Precheck.Check.PORT_FREE, describe("probe TCP " + target, f)));
        }
        return null;
    }

    static String describe(String what, HostResult.Failure<?> f) {
        return "cannot " + what + ": " + f.kind() + " " + f.detail();
    }
}
