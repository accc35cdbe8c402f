package org.calconfleet.port;

import org.calconfleet.common.Csv;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Firewall plans as CSV (RFC 4180: CRLF line ends, fields quoted when needed) for a network team's
 * change request. Written in English, as such requests usually are, whatever the console's language.
 */
public final class FirewallCsv {

    public static final String HEADER =
            "Direction,Source host,Source IP,Destination host,Destination IP,Protocol,Destination ports,Purpose";

    private FirewallCsv() {
    }

    public static String render(FirewallPlan plan) {
        return render(List.of(plan));
    }

    public static String render(List<FirewallPlan> plans) {
        var lines = plans.stream().flatMap(plan -> plan.rules().stream().map(rule -> line(plan, rule)));
        return Stream.concat(Stream.of(HEADER), lines).map(line -> line + Csv.LINE_END).collect(Collectors.joining());
    }

    private static String line(FirewallPlan plan, FirewallRule rule) {
        var partner = plan.connector().partnerName();
        var direction = switch (rule.direction()) {
            case EXCHANGE_TO_PARTNER -> "Exchange to " + partner;
            case PARTNER_TO_EXCHANGE -> partner + " to Exchange";
            case CONSOLE_TO_EXCHANGE -> "Console to Exchange";
        };
        return Stream.of(direction, rule.from().name(), rule.from().address(), rule.to().name(), rule.to().address(),
                        rule.protocol(), rule.ports(), rule.purpose().englishText())
                .map(Csv::field)
                .collect(Collectors.joining(","));
    }

}
