package org.calconfleet.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.calconfleet.host.agent.AgentAddress;
import org.calconfleet.host.rpc.RpcTarget;
import org.calconfleet.port.ConnectorKind;
import org.calconfleet.port.ConsoleField;
import org.calconfleet.port.ConsoleText;
import org.calconfleet.port.LoadExcalconCommand;
import org.calconfleet.port.PeerPorts;
import org.calconfleet.port.PortPolicy;
import org.calconfleet.port.PortRules;
import org.calconfleet.port.Refusal;
import org.jspecify.annotations.Nullable;

/** The checks a server's values must pass before they are stored, each failure tied to its field. */
public final class ServerRules {

    public static final int SITE_MAX = 64;
    public static final int VERSION_MAX = 32;
    public static final int SERVICE_NAME_MAX = 64;
    public static final int NOTES_MAX = 2000;
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private ServerRules() {
    }

    public static List<ServerProblem> check(ServerValues values) {
        List<ServerProblem> problems = new ArrayList<>();
        HostNames.problem(values.hostName()).ifPresent(key -> problems.add(ServerProblem.of("hostName", key)));
        address(problems, "ipAddress", values.ipAddress());
        address(problems, "dominoAddress", values.dominoAddress());
        required(problems, "site", values.site(), SITE_MAX);
        required(problems, "exchangeVersion", values.exchangeVersion(), VERSION_MAX);
        required(problems, "serviceName", values.serviceName(), SERVICE_NAME_MAX);
        if (!values.serviceName().isBlank() && !SERVICE_NAME.matcher(values.serviceName()).matches()) {
            problems.add(ServerProblem.of("serviceName", "fleet.serviceName.invalid"));
        }
        if (values.connectorKind() == ConnectorKind.LOTUS_DOMINO) {
            checkDominoPartner(problems, values);
        }
        checkDominoReload(problems, values);
        if ((values.backendKind() == BackendKind.AGENT || values.backendKind() == BackendKind.WINDOWS)
                && isBlank(values.backendAddress())) {
            problems.add(ServerProblem.of("backendAddress", "fleet.backendAddress.required"));
        }
        if (values.backendKind() == BackendKind.RPC && !isBlank(values.backendAddress())) {
            RpcTarget.problem(values.backendAddress())
                    .ifPresent(key -> problems.add(ServerProblem.of("backendAddress", key)));
        }
        if (values.backendAddress() != null && AgentAddress.carriesToken(values.backendAddress())) {
            problems.add(ServerProblem.of("backendAddress", "fleet.backendAddress.token"));
        }
        if (values.desiredPort() != null) {
            PortRules.check(values.desiredPort()).refusals().forEach(r -> problems.add(problem("desiredPort", r)));
        }
        if (values.notes() != null && values.notes().length() > NOTES_MAX) {
            problems.add(ServerProblem.of("notes", "fleet.field.tooLong", NOTES_MAX));
        }
        return problems;
    }

    /**
     * What is accepted but not stored as given, to be said before saving: an address on a server whose backend uses
     * none ({@link ServerValues#asStored}).
     */
    public static List<ServerProblem> notStored(ServerValues values) {
        return values.changesTo(values.asStored()).stream()
                .map(change -> ServerProblem.of(change.field(), "fleet.backendAddress.unused", change.before()))
                .toList();
    }

    /**
     * The port policy's refusals of the desired port, the same ones a plan gives: 0 when the policy does not allow
     * it, a reserved port, a port outside the allowed ranges. Whether one port must be shared on a site or across the
     * fleet is left to the plan, which moves the servers that must agree together (as the inventory, editing one
     * server at a time, cannot).
     */
    public static List<ServerProblem> checkAgainstPolicy(ServerValues values, PortPolicy policy) {
        if (values.desiredPort() == null) {
            return List.of();
        }
        return PortRules.check(values.desiredPort()).validPort().stream()
                .flatMap(port -> policy.refusalsFor(port, PeerPorts.none()).stream())
                .map(refusal -> problem("desiredPort", refusal))
                .toList();
    }

    private static void checkDominoPartner(List<ServerProblem> problems, ServerValues values) {
        if (isBlank(values.dominoServer())) {
            problems.add(ServerProblem.of("dominoServer", "fleet.field.required"));
        } else {
            HostNames.problem(values.dominoServer())
                    .ifPresent(key -> problems.add(ServerProblem.of("dominoServer", key)));
        }
        if (isBlank(values.calendarSystem())) {
            problems.add(ServerProblem.of("calendarSystem", "fleet.field.required"));
        } else {
            ConsoleText.refusalsForName(ConsoleField.CALENDAR_SYSTEM, values.calendarSystem())
                    .forEach(r -> problems.add(problem("calendarSystem", r)));
        }
    }

    /**
     * The Domino agent's address parses and names no token, it comes with the credential holding its token (and that
     * credential with it), and the debug flag is one LOAD EXCALCON accepts.
     */
    private static void checkDominoReload(List<ServerProblem> problems, ServerValues values) {
        boolean agent = !isBlank(values.dominoAgentAddress());
        if (agent) {
            AgentAddress.problem(values.dominoAgentAddress())
                    .ifPresent(key -> problems.add(ServerProblem.of("dominoAgentAddress", key)));
        }
        if (agent && isBlank(values.dominoCredentialName())) {
            problems.add(ServerProblem.of("dominoCredentialName", "fleet.dominoCredential.required"));
        } else if (!agent && !isBlank(values.dominoCredentialName())) {
            problems.add(ServerProblem.of("dominoCredentialName", "fleet.dominoCredential.withoutAgent"));
        }
        LoadExcalconCommand.refusalsForDebugFlag(values.dominoDebugFlag())
                .forEach(r -> problems.add(problem("dominoDebugFlag", r)));
    }

    private static void address(List<ServerProblem> problems, String field, @Nullable String value) {
        if (!isBlank(value)) {
            ConsoleText.refusalsForIpAddress(ConsoleField.HOST_ADDRESS, value)
                    .forEach(r -> problems.add(problem(field, r)));
        }
    }

    private static void required(List<ServerProblem> problems, String field, String value, int max) {
        if (value.isBlank()) {
            problems.add(ServerProblem.of(field, "fleet.field.required"));
        } else if (value.length() > max) {
            problems.add(ServerProblem.of(field, "fleet.field.tooLong", max));
        }
    }

    private static ServerProblem problem(String field, Refusal refusal) {
        return new ServerProblem(field, refusal.messageKey(), refusal.arguments());
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
