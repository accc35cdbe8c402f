/**
 * The rollouts' REST endpoints under {@code /api/v1/rollouts}: plan a port change, submit it, approve or reject
 * it, follow its progress host by host, cancel it; through {@link org.calconfleet.rollout.ChangeService} and
 * {@link org.calconfleet.rollout.RolloutService}, so their method security, the four-eyes rule and audit apply.
 */
@NullMarked
package org.calconfleet.rollout.api;

import org.jspecify.annotations.NullMarked;
