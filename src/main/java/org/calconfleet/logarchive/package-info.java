/**
 * The rollouts' old logs moved out of the database into hashed, gzip'd files that the audit trail names, and read
 * back from there. Below the rollout feature, which shows where a host's log went.
 */
@NullMarked
package org.calconfleet.logarchive;

import org.jspecify.annotations.NullMarked;
