/**
 * Discovery: the Exchange servers the forest's configuration partition lists ({@code msExchExchangeServer} objects
 * under {@code CN=Microsoft Exchange,CN=Services}), compared with the inventory. An administrator sees the servers
 * the inventory lacks, those it has that the directory no longer lists and versions that differ, and adds the ones
 * they pick through the fleet's normal way of adding a server. The directory does not record the Calendar Connector:
 * the console guesses from version and roles which servers may run it and leaves the choice to the administrator.
 */
@NullMarked
package org.calconfleet.discovery;

import org.jspecify.annotations.NullMarked;
