/**
 * The fleet over time: the drift scan (each server's registry values and service against its desired port, a
 * snapshot of the fleet's counts after each scan, a {@link org.calconfleet.drift.DriftFound} for servers newly in
 * drift) and the history the dashboard and a server's page chart from those snapshots and from finished host runs.
 * Above the rollout feature, whose finished runs it reads; below the pages that show it.
 */
@NullMarked
package org.calconfleet.drift;

import org.jspecify.annotations.NullMarked;
