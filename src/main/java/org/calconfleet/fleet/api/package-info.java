/**
 * The fleet's REST endpoints under {@code /api/v1/servers}: list, read, add, replace, set the desired port; through
 * {@link org.calconfleet.fleet.FleetService}, so its method security and audit apply.
 */
@NullMarked
package org.calconfleet.fleet.api;

import org.jspecify.annotations.NullMarked;
