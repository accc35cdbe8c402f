/**
 * One server's page: its ports, firewall plan, Domino commands, backend and history, drawn from the fleet,
 * the backends and the rollouts, which is why it sits above all three.
 */
@NullMarked
package org.calconfleet.server.ui;

import org.jspecify.annotations.NullMarked;
