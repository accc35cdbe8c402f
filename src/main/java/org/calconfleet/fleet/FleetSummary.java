package org.calconfleet.fleet;

import java.util.Map;

/** The fleet at a glance: how many servers are pinned, dynamic, drifted, and which ports are in use. */
public record FleetSummary(long servers, long pinned, long dynamic, long drifted, long unknown, long stopped,
                           long groupWise, Map<Integer, Long> desiredPorts) {
}
