package org.calconfleet.discovery.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.calconfleet.discovery.Addition;
import org.calconfleet.discovery.ConnectorGuess;
import org.calconfleet.discovery.DirectoryServer;
import org.calconfleet.discovery.ExchangeBuild;
import org.calconfleet.discovery.ExchangeRole;
import org.calconfleet.discovery.FleetDiscovery;
import org.calconfleet.i18n.Messages;
import org.jspecify.annotations.Nullable;

/** A discovery as the API answers it: the connector guess as a code and as a text in the caller's language. */
record DiscoveryResponse(Instant at, String configurationContext, int directoryServers,
                         List<FoundServer> notInInventory, List<FleetDiscovery.Missing> notInDirectory,
                         List<VersionDifference> versionDifferences) {

    /**
     * @param version      as the inventory writes it ({@code 2007 SP3}); null when the directory states none
     * @param build        {@code 8.3 (30083.6)}
     * @param selectable   whether the console would add it (not an Edge server, not another version of Exchange)
     * @param preselected  whether the page offers it ticked (a likely host of the Calendar Connector)
     * @param proposal     the values the page proposes for adding it
     */
    record FoundServer(String hostName, String name, @Nullable String version, @Nullable String build,
                       List<ExchangeRole> roles, @Nullable String site, ConnectorGuess connector,
                       String connectorText, boolean selectable, boolean preselected, Addition proposal) {
    }

    record VersionDifference(long id, String hostName, String inventoryVersion, String directoryVersion,
                             String build) {
    }

    static DiscoveryResponse of(FleetDiscovery discovery, Messages messages, Locale locale) {
        return new DiscoveryResponse(discovery.at(), discovery.configurationContext(), discovery.directoryServers(),
                discovery.notInInventory().stream().map(found -> found(found, messages, locale)).toList(),
                discovery.notInDirectory(),
                discovery.versionDifferences().stream().map(v -> new VersionDifference(v.id(), v.hostName(),
                        v.inventoryVersion(), v.directoryVersion(), v.build().toString())).toList());
    }

    private static FoundServer found(FleetDiscovery.Found found, Messages messages, Locale locale) {
        DirectoryServer server = found.server();
        ExchangeBuild build = server.build();
        ConnectorGuess guess = found.connectorGuess();
        return new FoundServer(server.hostName(), server.name(), build == null ? null : build.inventoryVersion(),
                build == null ? null : build.toString(), server.roles().stream().sorted().toList(), server.site(),
                guess, messages.get(guess.messageKey(), locale), guess.selectable(), guess.preselected(),
                found.proposal());
    }
}
