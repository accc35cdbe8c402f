package org.calconfleet.discovery;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One {@code msExchExchangeServer} object of the configuration partition.
 *
 * @param name              its {@code cn}, the server's NetBIOS name
 * @param hostName          the DNS name from {@code networkAddress} ({@code ncacn_ip_tcp:}) or {@code dNSHostName};
 *                          the {@code cn} when the object has neither
 * @param build             from {@code serialNumber}; null when it has none the console reads
 * @param site              the name of the AD site {@code msExchServerSite} points to; null when unset
 * @param distinguishedName where the object is, to tell two servers of one name apart
 */
public record DirectoryServer(String name, String hostName, @Nullable ExchangeBuild build, Set<ExchangeRole> roles,
                              @Nullable String site, String distinguishedName) {

    public DirectoryServer {
        roles = Set.copyOf(roles);
    }

    public ConnectorGuess connectorGuess() {
        return ConnectorGuess.of(this);
    }

    /** The first label of the name, lower case: how the directory and the inventory are matched. */
    String shortName() {
        return shortName(name);
    }

    static String shortName(String hostName) {
        int dot = hostName.indexOf('.');
        return (dot < 0 ? hostName : hostName.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
