package org.calconfleet.discovery;

import java.time.Instant;
import java.util.List;

/**
 * One discovery: the directory compared with the inventory. Nothing in it has been added or removed.
 *
 * @param configurationContext the forest's configuration partition that was read
 * @param directoryServers     how many Exchange servers the directory lists
 * @param notInInventory       servers of the directory the inventory lacks, each with what the page proposes
 * @param notInDirectory       servers of the inventory the directory no longer lists
 * @param versionDifferences   servers of both whose versions differ
 */
public record FleetDiscovery(Instant at, String configurationContext, int directoryServers,
                             List<Found> notInInventory, List<Missing> notInDirectory,
                             List<VersionDifference> versionDifferences) {

    /** A server only the directory lists, what the console guesses of its connector, and the values proposed. */
    public record Found(DirectoryServer server, ConnectorGuess connectorGuess, Addition proposal) {
    }

    /** A server of the inventory that no object of the directory matches. */
    public record Missing(long id, String hostName, String site, String exchangeVersion) {
    }

    /** The inventory's version of a server beside the directory's. */
    public record VersionDifference(long id, String hostName, String inventoryVersion, String directoryVersion,
                                    ExchangeBuild build) {
    }
}
