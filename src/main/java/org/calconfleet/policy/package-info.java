/**
 * The fleet's port policy as an administrator keeps it: which pinned ports are allowed and reserved, whether 0
 * is allowed, how far one port must be shared, whether a port change needs a second person's approval, how often
 * drift is scanned for and who is told. One row, edited only by an administrator, every change audited.
 */
@NullMarked
package org.calconfleet.policy;

import org.jspecify.annotations.NullMarked;
