/**
 * CalCon Fleet Console: pins the Exchange 2007 Calendar Connector of every server in a fleet to one RPC port,
 * proves each change took, and keeps a trail an auditor can trust.
 */
@NullMarked
package org.calconfleet;

import org.jspecify.annotations.NullMarked;
