/**
 * The rules of pinning the Exchange 2007 Calendar Connector to one RPC port: which port numbers are
 * valid, what a fleet's port policy allows, which port to suggest, the firewall rules a port needs, and
 * the Domino console commands that make the Notes side use it. Plain Java, no framework and no I/O.
 */
@NullMarked
package org.calconfleet.port;

import org.jspecify.annotations.NullMarked;
