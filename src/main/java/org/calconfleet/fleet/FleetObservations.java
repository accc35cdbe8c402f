package org.calconfleet.fleet;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fleet as the rollout engine and the drift scan see it: reads of servers and the recording of what was
 * observed on a host. These callers act as the system (scheduler threads, no signed-in user), so there is no
 * method security here; the services that call this check their own callers' rights.
 */
@Service
public class FleetObservations {

    /** A server's desired port and site, for the port policy's peer checks. */
    public record DesiredPort(long serverId, String site, @Nullable Integer port) {
    }

    /** What recording an observation changed; drift before and after, and the observed values as text. */
    public record Recorded(Drift driftBefore, Drift driftAfter, String observedBefore, String observedAfter,
                           @Nullable Integer desiredPort, boolean changed) {

        /** The server went into drift, or its drifted values moved: worth one audit entry. */
        public boolean driftChanged() {
            return driftAfter == Drift.DRIFTED
                    && (driftBefore != Drift.DRIFTED || !observedBefore.equals(observedAfter));
        }
    }

    private final ExchangeServerRepository servers;
    private final Clock clock;

    FleetObservations(ExchangeServerRepository servers, Clock clock) {
        this.servers = servers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ExchangeServer> server(long id) {
        return servers.findById(id);
    }

    @Transactional(readOnly = true)
    public List<ExchangeServer> servers(Collection<Long> ids) {
        return servers.findAllById(ids);
    }

    /** One page of all servers, in id order: for scans over the whole fleet. */
    @Transactional(readOnly = true)
    public Page<ExchangeServer> page(int page, int size) {
        return servers.findAll(PageRequest.of(page, size, Sort.by("id")));
    }

    @Transactional(readOnly = true)
    public FleetSummary summary() {
        return FleetSummary.ofGroups(servers.countByPortState());
    }

    @Transactional(readOnly = true)
    public List<DesiredPort> desiredPorts() {
        return servers.findAll().stream()
                .map(s -> new DesiredPort(Objects.requireNonNull(s.getId()), s.getSite(), s.getDesiredPort()))
                .toList();
    }

    /** Stores what was seen; writes (and bumps the version) only when something differs. Joins the caller's transaction. */
    @Transactional
    public Optional<Recorded> record(long serverId, Observation seen) {
        return servers.findById(serverId).map(server -> apply(server, seen));
    }

    private Recorded apply(ExchangeServer server, Observation seen) {
        Drift driftBefore = server.drift();
        String observedBefore = observed(server);
        boolean changed = false;
        if (seen.portsRead() && (!Objects.equals(server.getObservedExchangePort(), seen.exchangePort())
                || !Objects.equals(server.getObservedNotesPort(), seen.notesPort()))) {
            server.observePorts(seen.exchangePort(), seen.notesPort());
            changed = true;
        }
        if (seen.serviceState() != null && server.getServiceState() != seen.serviceState()) {
            server.setServiceState(seen.serviceState());
            changed = true;
        }
        if (seen.diagnosticsHigh() != null && !seen.diagnosticsHigh().equals(server.getDiagnosticsHigh())) {
            server.setDiagnosticsHigh(seen.diagnosticsHigh());
            changed = true;
        }
        if (seen.evidenceAt() != null && seen.evidenceText() != null
                && (server.getLastEvidenceAt() == null || seen.evidenceAt().isAfter(server.getLastEvidenceAt()))) {
            server.recordEvidence(seen.evidenceAt(), seen.evidenceText());
            changed = true;
        }
        if (seen.desiredPort() != null && !seen.desiredPort().equals(server.getDesiredPort())) {
            server.setDesiredPort(seen.desiredPort());
            changed = true;
        }
        if (changed) {
            server.touch(clock.instant(), seen.observedBy());
        }
        return new Recorded(driftBefore, server.drift(), observedBefore, observed(server), server.getDesiredPort(),
                changed);
    }

    private static String observed(ExchangeServer server) {
        return server.getObservedExchangePort() + "/" + server.getObservedNotesPort();
    }
}
