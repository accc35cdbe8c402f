package org.calconfleet.backend;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.calconfleet.fleet.ExchangeServer;
import org.calconfleet.fleet.ManagementOpenings;
import org.calconfleet.port.FirewallEndpoint;
import org.calconfleet.port.ManagementAccess;
import org.calconfleet.port.RefusedException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the console itself needs to reach a server, for the firewall plan: SMB (TCP 445) for the Windows wire
 * protocols and the remote Windows API, the agent's port for an agent. The console's address is
 * {@code calcon.console.address}; when unset, an IPv4 address of this machine (a site-local one first), which is
 * wrong behind NAT or a proxy, so the README asks to set it there.
 */
@Component
public class ConsoleAccess implements ManagementOpenings {

    static final String CONSOLE_NAME = "console";
    private static final int HTTPS_PORT = 443;

    private final Optional<FirewallEndpoint> console;

    ConsoleAccess(@Value("${calcon.console.address:}") String configuredAddress) {
        String address = configuredAddress.isBlank() ? detectAddress().orElse("") : configuredAddress.strip();
        this.console = endpoint(address);
    }

    @Override
    public Optional<ManagementAccess> to(ExchangeServer server) {
        return console.flatMap(endpoint -> switch (server.getBackendKind()) {
            case SIMULATED -> Optional.empty();
            case WINDOWS, RPC -> Optional.of(ManagementAccess.smb(endpoint));
            case AGENT -> agentPort(server.getBackendAddress()).map(port -> ManagementAccess.agent(endpoint, port));
        });
    }

    private static Optional<Integer> agentPort(@Nullable String backendAddress) {
        if (backendAddress == null || backendAddress.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(backendAddress.strip().split("\\s+")[0]);
            return uri.getHost() == null ? Optional.empty() : Optional.of(uri.getPort() < 0 ? HTTPS_PORT : uri.getPort());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<FirewallEndpoint> endpoint(String address) {
        if (address.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FirewallEndpoint(CONSOLE_NAME, address));
        } catch (RefusedException e) {
            throw new IllegalStateException("calcon.console.address is not an IP address: " + address, e);
        }
    }

    /** A site-local IPv4 address of this machine if it has one, else any other that is not loopback or link-local. */
    private static Optional<String> detectAddress() {
        List<Inet4Address> candidates = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    Collections.list(nic.getInetAddresses()).stream()
                            .filter(a -> a instanceof Inet4Address && !a.isLinkLocalAddress())
                            .forEach(a -> candidates.add((Inet4Address) a));
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return candidates.stream().filter(InetAddress::isSiteLocalAddress).findFirst()
                .or(() -> candidates.stream().findFirst())
                .map(InetAddress::getHostAddress);
    }
}
