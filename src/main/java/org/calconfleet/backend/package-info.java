/**
 * Which host backend and Domino console serve a server: the simulated fleet (one simulated Windows host per
 * server, created from what the inventory last observed), the remote Windows backend, or the agent (not wired
 * in this build). Also the demo's simulated quirks, kept in one place.
 */
@NullMarked
package org.calconfleet.backend;

import org.jspecify.annotations.NullMarked;
