/**
 * The audit trail forwarded to a SIEM as it is written: each entry, with its sequence number and hashes, as an
 * RFC 5424 syslog message over TCP (RFC 6587 octet counting), TLS optional (RFC 5425). A cursor over the append-only
 * trail says how far the receiver has read, so a receiver that is down never holds up a change: the entries wait in
 * the trail itself and follow in order when it is back. One node forwards at a time (a job engine task and a row
 * lock); failures show in the {@code auditForwarding} health component, not in the trail.
 */
@NullMarked
package org.calconfleet.siem;

import org.jspecify.annotations.NullMarked;
