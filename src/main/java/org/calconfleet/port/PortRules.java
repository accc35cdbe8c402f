package org.calconfleet.port;

import java.math.BigInteger;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Entry point for checking Calendar Connector RPC ports given as numbers, registry values or text. */
public final class PortRules {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private PortRules() {
    }

    /**
     * Takes a {@code long} so that a registry DWORD read as unsigned (above 2^31) is reported as the
     * number the registry shows, not as a negative int.
     */
    public static PortCheck check(long value) {
        var refusals = refusalsFor(value);
        return refusals.isEmpty() ? new PortCheck.Valid(new RpcPort((int) value)) : new PortCheck.Refused(refusals);
    }

    /**
     * Reads a port typed by a user: surrounding white space is ignored and full-width digits (as an
     * IME on a Japanese keyboard produces them) count as digits.
     */
    public static PortCheck parse(String text) {
        var normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (normalized.isEmpty()) {
            return new PortCheck.Refused(List.of(PortRefusal.of(PortRefusalReason.BLANK)));
        }
        if (!INTEGER.matcher(normalized).matches()) {
            return new PortCheck.Refused(List.of(PortRefusal.of(PortRefusalReason.NOT_A_NUMBER, text.strip())));
        }
        var number = new BigInteger(normalized);
        if (number.signum() < 0 || number.compareTo(BigInteger.valueOf(RpcPort.HIGHEST)) > 0) {
            return new PortCheck.Refused(List.of(PortRefusal.of(PortRefusalReason.OUT_OF_RANGE, number)));
        }
        return check(number.longValue());
    }

    /** Parses user input, then checks it against the policy and the ports of the other servers. */
    public static PortCheck parse(String text, PortPolicy policy, PeerPorts peers) {
        return parse(text).andThen(port -> policy.refusalsFor(port, peers));
    }

    /**
     * Checks the two registry values {@code NotesCal.Exchange CalCon RPC Port} and
     * {@code NotesCal.Notes ExCalCon RPC Port}: each must be a valid port and both must be equal.
     */
    public static PortCheck checkRegistryValues(long exchangeCalconPort, long notesExcalconPort) {
        var refusals = new ArrayList<PortRefusal>(refusalsFor(exchangeCalconPort));
        if (notesExcalconPort != exchangeCalconPort) {
            refusals.addAll(refusalsFor(notesExcalconPort));
            refusals.add(PortRefusal.of(PortRefusalReason.VALUES_DIFFER, exchangeCalconPort, notesExcalconPort));
        }
        return refusals.isEmpty()
                ? new PortCheck.Valid(new RpcPort((int) exchangeCalconPort))
                : new PortCheck.Refused(refusals);
    }

    static List<PortRefusal> refusalsFor(long value) {
        if (value < 0 || value > RpcPort.HIGHEST) {
            return List.of(PortRefusal.of(PortRefusalReason.OUT_OF_RANGE, value));
        }
        if (value != RpcPort.DYNAMIC_VALUE && value < RpcPort.LOWEST_PINNED) {
            return List.of(PortRefusal.of(PortRefusalReason.NOT_ABOVE_1024, value));
        }
        return List.of();
    }
}
