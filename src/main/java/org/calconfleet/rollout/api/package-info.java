/**
 * The rollouts' REST endpoints under {@code /api/v1/rollouts}: follow a change's progress host by host, confirm
 * Domino, cancel it, roll it back or retry its failed hosts; through {@link org.calconfleet.rollout.RolloutService}
 * and {@link org.calconfleet.rollout.FollowUps}, so their method security and audit apply. Planning, submitting and
 * deciding are {@code change.api}'s.
 */
@NullMarked
package org.calconfleet.rollout.api;

import org.jspecify.annotations.NullMarked;
