package org.calconfleet.fleet;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.calconfleet.port.ConnectorKind;

/** The fleet at a glance: how many servers are pinned, dynamic, drifted, and which ports are in use. */
public record FleetSummary(long servers, long pinned, long dynamic, long drifted, long unknown, long stopped,
                           long groupWise, Map<Integer, Long> desiredPorts) {

    /** From the repository's counts grouped by connector kind, desired and observed ports, and service state. */
    static FleetSummary ofGroups(List<Object[]> groups) {
        long total = 0, pinned = 0, dynamic = 0, drifted = 0, unknown = 0, stopped = 0, groupWise = 0;
        Map<Integer, Long> ports = new TreeMap<>();
        for (Object[] group : groups) {
            ConnectorKind kind = (ConnectorKind) group[0];
            Integer desired = (Integer) group[1];
            long count = (Long) group[5];
            total += count;
            if (kind == ConnectorKind.NOVELL_GROUPWISE) {
                groupWise += count;
            } else if (desired != null) {
                ports.merge(desired, count, Long::sum);
                if (desired == 0) {
                    dynamic += count;
                } else {
                    pinned += count;
                }
            }
            switch (Drift.of(desired, (Integer) group[2], (Integer) group[3])) {
                case DRIFTED -> drifted += count;
                case UNKNOWN -> unknown += count;
                case IN_SYNC -> { }
            }
            if (group[4] == ConnectorServiceState.STOPPED) {
                stopped += count;
            }
        }
        return new FleetSummary(total, pinned, dynamic, drifted, unknown, stopped, groupWise, ports);
    }
}
