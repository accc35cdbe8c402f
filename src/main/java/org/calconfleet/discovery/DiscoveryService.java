package org.calconfleet.discovery;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.calconfleet.access.CurrentUser;
import org.calconfleet.access.Role;
import org.calconfleet.audit.AuditAction;
import org.calconfleet.audit.AuditEvent;
import org.calconfleet.audit.AuditSubject;
import org.calconfleet.audit.AuditTrail;
import org.calconfleet.i18n.StoredMessage;
import org.calconfleet.fleet.BackendKind;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.FleetService;
import org.calconfleet.fleet.ServerFilter;
import org.calconfleet.fleet.ServerProblem;
import org.calconfleet.fleet.ServerRejectedException;
import org.calconfleet.fleet.ServerRules;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares the forest's Exchange servers with the inventory and adds the ones the administrator picks. Administrators
 * only: discovery reads the directory with the console's own account. Servers are matched by their first name label
 * ({@code TKY-EXC01} in the inventory is {@code TKY-EXC01.corp.example} in the directory).
 */
@Service
public class DiscoveryService {

    static final String DEFAULT_CALENDAR_SYSTEM = "ExchangeFreeBusy";
    private static final int PAGE = 500;

    private final ExchangeDirectory directory;
    private final FleetService fleet;
    private final AuditTrail audit;
    private final Clock clock;

    DiscoveryService(ExchangeDirectory directory, FleetService fleet, AuditTrail audit, Clock clock) {
        this.directory = directory;
        this.fleet = fleet;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the settings name a directory and an account to read it with (the page says so before a run). */
    @RolesAllowed(Role.ADMIN_NAME)
    public boolean configured() {
        return directory.configured();
    }

    /**
     * Reads the directory and compares; changes nothing but the audit trail, which records the run. Not one
     * transaction: the directory may take its time-out to answer, and no database connection waits for it.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public FleetDiscovery discover() {
        ExchangeDirectory.Reading reading = directory.read();
        List<ExchangeServer> inventory = inventory();
        Map<String, List<ExchangeServer>> inventoryByName = inventory.stream()
                .collect(Collectors.groupingBy(server -> DirectoryServer.shortName(server.getHostName())));
        Set<String> directoryNames = new HashSet<>();
        List<FleetDiscovery.Found> found = new ArrayList<>();
        List<FleetDiscovery.VersionDifference> versions = new ArrayList<>();
        for (DirectoryServer server : reading.servers()) {
            directoryNames.add(server.shortName());
            List<ExchangeServer> known = inventoryByName.getOrDefault(server.shortName(), List.of());
            if (known.isEmpty()) {
                found.add(new FleetDiscovery.Found(server, server.connectorGuess(), proposal(server, inventory)));
            }
            ExchangeBuild build = server.build();
            if (build == null) {
                continue;
            }
            for (ExchangeServer stored : known) {
                if (!sameVersion(stored.getExchangeVersion(), build.inventoryVersion())) {
                    versions.add(new FleetDiscovery.VersionDifference(Objects.requireNonNull(stored.getId()),
                            stored.getHostName(), stored.getExchangeVersion(), build.inventoryVersion(), build));
                }
            }
        }
        List<FleetDiscovery.Missing> missing = inventory.stream()
                .filter(server -> !directoryNames.contains(DirectoryServer.shortName(server.getHostName())))
                .map(server -> new FleetDiscovery.Missing(Objects.requireNonNull(server.getId()),
                        server.getHostName(), server.getSite(), server.getExchangeVersion()))
                .toList();
        audit.record(AuditEvent.of(CurrentUser.usernameOrSystem(), AuditAction.FLEET_DISCOVERED,
                AuditSubject.directory(reading.configurationContext()))
                .change(null, StoredMessage.of("discovery.value.found", StoredMessage.count(reading.servers().size()),
                        StoredMessage.count(found.size()), StoredMessage.count(missing.size()),
                        StoredMessage.count(versions.size()))));
        return new FleetDiscovery(clock.instant(), reading.configurationContext(), reading.servers().size(),
                List.copyOf(found), missing, List.copyOf(versions));
    }

    /**
     * Adds the picked servers with the values each pick carries, all or none, each through the fleet's own way of
     * adding a server (its rules, its audit entry). A server the console rules out (an Edge server, another version of
     * Exchange) is refused, whatever the caller says of it.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public List<ExchangeServer> add(Collection<FleetDiscovery.Found> picked) {
        List<ExchangeServer> added = new ArrayList<>();
        for (FleetDiscovery.Found pick : picked) {
            DirectoryServer server = pick.server();
            Addition addition = pick.proposal();
            if (!ConnectorGuess.of(server).selectable()) {
                throw new AdditionRejectedException(server.hostName(), List.of(new ServerProblem(
                        "hostName", ConnectorGuess.of(server).messageKey(), List.of(server.hostName()))));
            }
            if (!DirectoryServer.shortName(addition.hostName()).equals(server.shortName())) {
                throw new AdditionRejectedException(addition.hostName(), List.of(new ServerProblem(
                        "hostName", "discovery.error.otherName", List.of(addition.hostName(), server.hostName()))));
            }
            try {
                added.add(fleet.create(addition.values()));
            } catch (ServerRejectedException e) {
                throw new AdditionRejectedException(addition.hostName(), e.problems());
            }
        }
        return added;
    }

    private List<ExchangeServer> inventory() {
        List<ExchangeServer> all = new ArrayList<>();
        List<ExchangeServer> page;
        int number = 0;
        do {
            page = fleet.list(ServerFilter.NONE, PageRequest.of(number++, PAGE, Sort.by("hostName")));
            all.addAll(page);
        } while (page.size() == PAGE);
        return all;
    }

    /**
     * What the page offers for a found server: the directory's site (spelt as the inventory spells it), and the
     * backend, credential and Domino partner most servers of that site use (of the inventory when the site has none).
     */
    static Addition proposal(DirectoryServer server, List<ExchangeServer> inventory) {
        String site = server.site() == null ? mostCommon(inventory, ExchangeServer::getSite).orElse("")
                : inventory.stream().map(ExchangeServer::getSite).filter(server.site()::equalsIgnoreCase).findFirst()
                .orElse(server.site());
        site = site.length() > ServerRules.SITE_MAX ? site.substring(0, ServerRules.SITE_MAX) : site;
        String siteName = site;
        List<ExchangeServer> sameSite = inventory.stream().filter(s -> s.getSite().equalsIgnoreCase(siteName)).toList();
        List<ExchangeServer> peers = sameSite.isEmpty() ? inventory : sameSite;
        BackendKind backend = mostCommon(peers, ExchangeServer::getBackendKind).orElse(BackendKind.RPC);
        String credential = mostCommon(peers.stream().filter(s -> s.getBackendKind() == backend).toList(),
                ExchangeServer::getCredentialName).orElse(null);
        String address = backend == BackendKind.WINDOWS ? server.hostName() : null;
        String dominoServer = mostCommon(peers, ExchangeServer::getDominoServer).orElse("");
        String calendarSystem = mostCommon(peers, ExchangeServer::getCalendarSystem).orElse(DEFAULT_CALENDAR_SYSTEM);
        String version = server.build() == null ? "" : server.build().inventoryVersion();
        return new Addition(server.hostName(), site, version, backend, address, credential, dominoServer,
                calendarSystem);
    }

    /** The value most servers have; of equally common ones, the first in the order of host names. */
    private static <T> Optional<T> mostCommon(List<ExchangeServer> servers,
            Function<ExchangeServer, @Nullable T> value) {
        return servers.stream().map(value).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static boolean sameVersion(String inventory, String directory) {
        return normalised(inventory).equals(normalised(directory));
    }

    private static String normalised(String version) {
        return String.join(" ", Stream.of(version.strip().split("\\s+")).toList()).toUpperCase(Locale.ROOT);
    }
}
