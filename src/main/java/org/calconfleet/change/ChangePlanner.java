package org.calconfleet.change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.backend.DominoReload;
import org.calconfleet.backend.HostBackends;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FirewallPlans;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.CalConRegistry;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.DominoConsole;
import org.calconfleet.port.FirewallPlan;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.PeerPorts;
import org.calconfleet.port.PortCheck;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.Refusal;
import org.calconfleet.port.RpcPort;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Plans a change host by host before anything runs, like a check mode: reads each host (in parallel, bounded, the
 * first while the database still hands over the rest of the servers), then diffs the values, runs the prechecks
 * (reachable, service present, logging High, port free, the port policy, the connector can be pinned, Domino command
 * text, no other active change), and adds the firewall openings and the Domino commands. Reads only; writes nothing
 * anywhere.
 */
@Component
@EnableConfigurationProperties(PlanSettings.class)
public class ChangePlanner {

    /** One server and the port it should get. */
    public record Target(long serverId, int port) {
    }

    private final FleetObservations fleet;
    private final HostBackends backends;
    private final ChangePolicy policy;
    private final PlanSettings settings;
    private final ChangeExecution execution;
    private final FirewallPlans firewallPlans;
    private final Clock clock;

    ChangePlanner(FleetObservations fleet, HostBackends backends, ChangePolicy policy, PlanSettings settings,
            ChangeExecution execution, FirewallPlans firewallPlans, Clock clock) {
        this.fleet = fleet;
        this.backends = backends;
        this.firewallPlans = firewallPlans;
        this.policy = policy;
        this.settings = settings;
        this.execution = execution;
        this.clock = clock;
    }

    /**
     * Whether a plan this planner made may be submitted as it is: the acting user's own plan of {@code draft}, made
     * at most {@code calcon.change.plan-valid-for} ago.
     */
    boolean stillHolds(ChangePlan seen, ChangeDraft draft) {
        return seen.isRecentPlanOf(draft, CurrentUser.usernameOrSystem(), clock.instant(), settings.getPlanValidFor());
    }

    public ChangePlan plan(List<Target> targets, ChangeDraft.Waves waves, @Nullable Integer commonPort,
            List<HostPlan> alreadyBlocked) {
        Set<Long> ids = new LinkedHashSet<>();
        for (Target t : targets) {
            if (!ids.add(t.serverId())) {
                throw new ChangeRefusedException("rollout.server.twice", t.serverId());
            }
        }
        List<FleetObservations.DesiredPort> desired = fleet.desiredPorts();
        Set<Long> known = desired.stream().map(FleetObservations.DesiredPort::serverId).collect(Collectors.toSet());
        for (Long id : ids) {
            if (!known.contains(id)) {
                throw new ChangeRefusedException("rollout.server.unknown", id);
            }
        }
        Instant plannedAt = clock.instant();
        Map<Long, Long> busy = new HashMap<>();
        execution.active().forEach(c -> busy.put(c.serverId(), c.changeRequestId()));
        SitePeers sitePeers = new SitePeers(desired, ids);
        PortPolicy portPolicy = policy.portPolicy();
        Map<Long, Integer> portOf = new HashMap<>();
        targets.forEach(t -> portOf.put(t.serverId(), t.port()));

        List<HostPlan> planned = new ArrayList<>(targets.size());
        Semaphore permits = new Semaphore(settings.getPlanConcurrency());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Long, Future<HostPlan>> futures = new HashMap<>();
            // the first hosts are read while the database hands over the rest of the servers
            fleet.servers(ids, servers -> {
                for (ExchangeServer server : servers) {
                    PeerPorts peers = sitePeers.of(server.getSite());
                    Long busyIn = busy.get(server.getId());
                    int port = portOf.get(server.getId());
                    futures.put(server.getId(), executor.submit(() -> {
                        permits.acquire();
                        try {
                            return planHost(server, port, portPolicy, peers, busyIn);
                        } finally {
                            permits.release();
                        }
                    }));
                }
            });
            for (Target t : targets) {
                Future<HostPlan> host = futures.get(t.serverId());
                if (host == null) {
                    throw new ChangeRefusedException("rollout.server.unknown", t.serverId());
                }
                planned.add(host.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("planning failed: " + e.getCause(), e.getCause());
        }
        planned.addAll(alreadyBlocked);
        List<HostPlan> withWaves = new ArrayList<>(planned.size());
        int index = 0;
        for (HostPlan host : planned) {
            withWaves.add(host.verdict() == HostPlan.Verdict.CHANGE ? host.inWave(waves.waveOf(index++)) : host);
        }
        return new ChangePlan(commonPort, withWaves, waves, plannedAt, CurrentUser.usernameOrSystem());
    }

    private HostPlan planHost(ExchangeServer server, int port, PortPolicy portPolicy, PeerPorts peers,
            @Nullable Long busyIn) {
        List<Precheck> checks = new ArrayList<>();
        PortCheck portCheck = PortRules.check(port);
        RpcPort rpcPort = portCheck.validPort().orElse(null);
        if (rpcPort == null) {
            checks.add(Precheck.fail(Precheck.Check.POLICY, refused(portCheck.refusals())));
        } else {
            List<? extends Refusal> refusals = portPolicy.refusalsFor(rpcPort, peers);
            checks.add(refusals.isEmpty()
                    ? Precheck.pass(Precheck.Check.POLICY, "rollout.precheck.policy.allowed", StoredMessage.port(port))
                    : Precheck.fail(Precheck.Check.POLICY, refused(refusals)));
        }
        if (!server.getConnectorKind().canPinPort() && port != 0) {
            checks.add(Precheck.fail(Precheck.Check.CONNECTOR_CAN_PIN, "rollout.precheck.connector.cannot-pin"));
        }
        if (busyIn != null) {
            checks.add(Precheck.fail(Precheck.Check.NOT_IN_ACTIVE_CHANGE, "rollout.precheck.busy",
                    StoredMessage.port(busyIn)));
        }
        HostInspector.Inspection inspection = HostInspector.inspect(backends.backend(server), port,
                settings.getProbeTimeout(), new HostInspector.Caller() {
                    @Override
                    public <T> HostResult<T> call(HostInspector.HostRead what, Supplier<HostResult<T>> read) {
                        return read.get();
                    }
                });
        checks.addAll(inspection.checks());

        List<String> dominoCommands = List.of();
        DominoReload dominoReload = null;
        String dominoServer = server.getDominoServer();
        if (server.getConnectorKind() == ConnectorKind.LOTUS_DOMINO) {
            if (dominoServer == null || server.getCalendarSystem() == null) {
                checks.add(Precheck.warn(Precheck.Check.DOMINO_COMMANDS, "rollout.precheck.domino.no-partner"));
            } else if (rpcPort != null) {
                var refusals = LoadExcalconCommand.refusalsFor(server.getHostName(), server.getCalendarSystem(),
                        server.getDominoDebugFlag());
                var agentProblem = backends.dominoPathProblem(server);
                if (!refusals.isEmpty()) {
                    checks.add(Precheck.fail(Precheck.Check.DOMINO_COMMANDS, refused(refusals)));
                } else if (agentProblem.isPresent()) {
                    checks.add(Precheck.fail(Precheck.Check.DOMINO_COMMANDS,
                            coded(agentProblem.get().messageKey(), agentProblem.get().arguments())));
                } else {
                    dominoCommands = DominoConsole.restartExcalcon(server.getHostName(), server.getCalendarSystem(),
                            rpcPort, server.getDominoDebugFlag());
                    dominoReload = backends.dominoReload(server);
                    checks.add(Precheck.pass(Precheck.Check.DOMINO_COMMANDS, "rollout.precheck.domino.on",
                            StoredMessage.verbatim(dominoServer), StoredMessage.inner(
                                    coded(dominoReload.messageKey(), dominoReload.arguments()))));
                }
            }
        }
        FirewallPlan firewall = null;
        try {
            firewall = rpcPort == null ? null : firewallPlans.at(server, rpcPort).orElse(null);
            checks.add(firewall != null
                    ? Precheck.pass(Precheck.Check.FIREWALL, "rollout.precheck.firewall.rules",
                            StoredMessage.count(firewall.rules().size()))
                    : Precheck.warn(Precheck.Check.FIREWALL, "rollout.precheck.firewall.no-addresses"));
        } catch (IllegalArgumentException e) {
            checks.add(Precheck.warn(Precheck.Check.FIREWALL, "rollout.precheck.firewall.none",
                    StoredMessage.verbatim(e.getMessage())));
        }

        List<ValueDiff> diffs = diffs(server, inspection, port, dominoServer != null && !dominoCommands.isEmpty());
        boolean blocked = checks.stream().anyMatch(c -> c.status() == Precheck.Status.FAIL);
        HostPlan.Verdict verdict = blocked ? HostPlan.Verdict.BLOCKED
                : inspection.atTarget(port) ? HostPlan.Verdict.NO_CHANGE : HostPlan.Verdict.CHANGE;
        return new HostPlan(server.getId(), server.getHostName(), server.getSite(), port, verdict, -1, diffs, checks,
                inspection.unverifiable(), firewall, dominoServer, dominoCommands, dominoReload);
    }

    private static List<ValueDiff> diffs(ExchangeServer server, HostInspector.Inspection inspection, int port,
            boolean domino) {
        CalConPorts ports = inspection.ports();
        List<ValueDiff> diffs = new ArrayList<>();
        diffs.add(ValueDiff.registry(CalConRegistry.EXCHANGE_SIDE_PORT_VALUE,
                ports == null ? null : ports.exchangeSide(), port));
        diffs.add(ValueDiff.registry(CalConRegistry.NOTES_SIDE_PORT_VALUE,
                ports == null ? null : ports.notesSide(), port));
        ServiceState service = inspection.service();
        StoredMessage serviceNow = service == null ? ValueDiff.unknown() : StoredMessage.of(service.messageKey());
        boolean changes = !inspection.atTarget(port);
        StoredMessage serviceName = StoredMessage.of("rollout.diff.service",
                StoredMessage.verbatim(server.getServiceName()));
        StoredMessage serviceAfter = changes ? StoredMessage.of("rollout.diff.service.restarted",
                new StoredMessage.Choice(ServiceState.RUNNING.messageKey())) : serviceNow;
        diffs.add(new ValueDiff(serviceName, serviceNow, serviceAfter, changes));
        if (domino) {
            diffs.add(new ValueDiff(StoredMessage.of("rollout.diff.excalcon",
                    StoredMessage.verbatim(server.getDominoServer())), StoredMessage.of("rollout.diff.excalcon.now"),
                    StoredMessage.of("rollout.diff.excalcon.reloaded", StoredMessage.port(port)), changes));
        }
        return diffs;
    }

    /** One refusal as it is said anywhere else; several as one list. */
    private static StoredMessage refused(List<? extends Refusal> refusals) {
        List<StoredMessage> each = refusals.stream().map(r -> coded(r.messageKey(), r.arguments())).toList();
        return each.size() == 1 ? each.getFirst()
                : StoredMessage.of("rollout.precheck.refusals", StoredMessage.listed(each.stream()
                        .map(StoredMessage::inner).toList()));
    }

    /** A message key with arguments that are already text, as refusals and path problems give them. */
    private static StoredMessage coded(String messageKey, List<String> arguments) {
        return new StoredMessage(messageKey, arguments.stream().map(StoredMessage::verbatim).toList());
    }
}
