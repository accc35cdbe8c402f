package org.calconfleet.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.backend.HostBackends;
import org.calconfleet.change.ChangeExecution;
import org.calconfleet.fleet.ConnectorServiceState;
import org.calconfleet.fleet.Drift;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetObservations;
import org.calconfleet.fleet.Observation;
import org.calconfleet.host.CalConEvents;
import org.calconfleet.host.CalConPorts;
import org.calconfleet.host.DiagnosticLevel;
import org.calconfleet.host.HostBackend;
import org.calconfleet.host.HostEvent;
import org.calconfleet.host.HostResult;
import org.calconfleet.host.ServiceState;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.rollout.RegistryReads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every host's port values, service state, diagnostic level and newest event 6001, and records what it saw
 * on the server; a server that goes into drift (desired ≠ observed), or whose drifted values move, gets one
 * DRIFT_DETECTED entry. Hosts held by an active rollout are left to it. Monitor-only: it never changes a host.
 * Each scan ends by publishing its {@link DriftScanResult}, and a {@link DriftFound} when servers newly went into
 * drift.
 */
@Component
public class DriftScan {

    private static final Logger log = LoggerFactory.getLogger(DriftScan.class);
    static final String ACTOR = "drift-scan";
    private static final int PAGE = 500;

    private final FleetObservations fleet;
    private final HostBackends backends;
    private final ChangeExecution changes;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final int concurrency;

    DriftScan(FleetObservations fleet, HostBackends backends, ChangeExecution changes, AuditTrail audit,
            PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events,
            @Value("${calcon.drift-scan.concurrency:100}") int concurrency) {
        this.fleet = fleet;
        this.backends = backends;
        this.changes = changes;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.events = events;
        this.concurrency = Math.max(1, concurrency);
    }

    public DriftScanResult scan() {
        Set<Long> busy = new HashSet<>(changes.active().stream().map(ChangeExecution.ActiveChange::serverId).toList());
        AtomicInteger scanned = new AtomicInteger();
        AtomicInteger unreachable = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger drifted = new AtomicInteger();
        ConcurrentLinkedQueue<DriftFound.Server> found = new ConcurrentLinkedQueue<>();
        Semaphore permits = new Semaphore(concurrency);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            int page = 0;
            Page<ExchangeServer> servers;
            do {
                servers = fleet.page(page++, PAGE);
                for (ExchangeServer server : servers) {
                    if (busy.contains(server.getId())) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    permits.acquireUninterruptibly();
                    executor.submit(() -> {
                        try {
                            switch (observe(server, found)) {
                                case UNREACHABLE -> unreachable.incrementAndGet();
                                case DRIFTED -> drifted.incrementAndGet();
                                case SEEN -> { }
                            }
                            scanned.incrementAndGet();
                        } catch (RuntimeException e) {
                            log.warn("drift scan of {} failed", server.getHostName(), e);
                        } finally {
                            permits.release();
                        }
                    });
                }
            } while (servers.hasNext());
        }
        DriftScanResult result = new DriftScanResult(clock.instant(), scanned.get(), unreachable.get(), skipped.get(),
                drifted.get());
        log.info("drift scan: {}", result);
        events.publishEvent(result);
        if (!found.isEmpty()) {
            events.publishEvent(new DriftFound(result.finishedAt(), List.copyOf(found)));
        }
        return result;
    }

    private enum Seen {
        SEEN, UNREACHABLE, DRIFTED
    }

    private Seen observe(ExchangeServer server, Collection<DriftFound.Server> found) {
        HostBackend host = backends.backend(server);
        HostResult<CalConPorts> ports = host.readCalConPorts();
        if (!(ports instanceof HostResult.Ok<CalConPorts> read)) {
            return Seen.UNREACHABLE;
        }
        Observation seen = Observation.by(ACTOR).ports(RegistryReads.dword(read.value().exchangeSide()),
                RegistryReads.dword(read.value().notesSide()));
        HostResult<ServiceState> state = host.queryServiceState();
        if (state instanceof HostResult.Ok<ServiceState> ok) {
            seen = seen.service(ConnectorServiceState.of(ok.value()));
        }
        HostResult<DiagnosticLevel> level = host.readDiagnosticLevel();
        if (level instanceof HostResult.Ok<DiagnosticLevel> ok) {
            seen = seen.diagnosticsHigh(ok.value().isHighOrAbove());
        }
        Instant since = Objects.requireNonNullElse(server.getLastEvidenceAt(), clock.instant().minus(Duration.ofDays(7)));
        HostResult<List<HostEvent>> events = host.readCalConEvents(since);
        if (events instanceof HostResult.Ok<List<HostEvent>> ok) {
            Optional<HostEvent> newest = ok.value().stream().filter(e -> CalConEvents.configuredPort(e).isPresent())
                    .reduce((a, b) -> b);
            if (newest.isPresent()) {
                seen = seen.evidence(newest.get().time(), newest.get().text());
            }
        }
        Observation observation = seen;
        long serverId = Objects.requireNonNull(server.getId());
        Boolean drift = tx.execute(s -> fleet.record(serverId, observation)
                .filter(FleetObservations.Recorded::driftChanged)
                .map(recorded -> {
                    audit.record(AuditEvent.of(ACTOR, AuditAction.DRIFT_DETECTED, AuditSubject.server(server.getHostName()))
                            .change(drift(recorded.desiredPort(), recorded.observedBefore(), recorded.driftBefore()),
                                    drift(recorded.desiredPort(), recorded.observedAfter(), recorded.driftAfter()))
                            .because(StoredMessage.of("rollout.audit.drift.reason").toJson()));
                    if (recorded.driftBefore() != Drift.DRIFTED) {
                        found.add(new DriftFound.Server(serverId, server.getHostName(), recorded.desiredPort(),
                                recorded.observedAfter()));
                    }
                    return true;
                }).orElse(false));
        return Boolean.TRUE.equals(drift) ? Seen.DRIFTED : Seen.SEEN;
    }

    /** A server's drift as its audit entry keeps it: the desired port, the values observed and the drift's label. */
    static String drift(@Nullable Integer desired, String observed, Drift drift) {
        return StoredMessage.of("rollout.audit.drift", desired == null
                        ? StoredMessage.inner(StoredMessage.of("rollout.audit.no-desired-port"))
                        : StoredMessage.port(desired),
                StoredMessage.verbatim(observed), new StoredMessage.Choice(drift.messageKey())).toJson();
    }
}
