/**
 * The rollout screens: the change wizard (plan before anything runs), and the jobs view where rollouts are approved,
 * watched live, cancelled and rolled back.
 */
@NullMarked
package org.calconfleet.rollout.ui;

import org.jspecify.annotations.NullMarked;
