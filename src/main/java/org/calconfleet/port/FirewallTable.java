package org.calconfleet.port;

import java.util.List;
import java.util.function.UnaryOperator;

/** A firewall plan as rows for a UI table; column headers and the direction and purpose cells are i18n keys. */
public final class FirewallTable {

    public static final String COLUMN_DIRECTION = "port.firewall.column.direction";
    public static final String COLUMN_SOURCE = "port.firewall.column.source";
    public static final String COLUMN_SOURCE_ADDRESS = "port.firewall.column.sourceAddress";
    public static final String COLUMN_DESTINATION = "port.firewall.column.destination";
    public static final String COLUMN_DESTINATION_ADDRESS = "port.firewall.column.destinationAddress";
    public static final String COLUMN_PROTOCOL = "port.firewall.column.protocol";
    public static final String COLUMN_PORTS = "port.firewall.column.ports";
    public static final String COLUMN_PURPOSE = "port.firewall.column.purpose";
    public static final List<String> COLUMN_KEYS = List.of(COLUMN_DIRECTION, COLUMN_SOURCE, COLUMN_SOURCE_ADDRESS,
            COLUMN_DESTINATION, COLUMN_DESTINATION_ADDRESS, COLUMN_PROTOCOL, COLUMN_PORTS, COLUMN_PURPOSE);

    private FirewallTable() {
    }

    public record Row(String directionKey, String source, String sourceAddress, String destination,
            String destinationAddress, String protocol, String ports, String purposeKey) {

        /** The cells in the order of {@link #COLUMN_KEYS}, with the key cells translated. */
        public List<String> cells(UnaryOperator<String> translate) {
            return List.of(translate.apply(directionKey), source, sourceAddress, destination, destinationAddress,
                    protocol, ports, translate.apply(purposeKey));
        }
    }

    public static List<Row> rows(FirewallPlan plan) {
        return plan.rules().stream()
                .map(rule -> new Row(rule.direction().messageKey(), rule.from().name(), rule.from().address(),
                        rule.to().name(), rule.to().address(), rule.protocol(), rule.ports(),
                        rule.purpose().messageKey()))
                .toList();
    }
}
