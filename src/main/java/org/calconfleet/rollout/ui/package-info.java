/** The rollout screens: the jobs view where changes are approved, watched live, cancelled and rolled back. */
@NullMarked
package org.calconfleet.rollout.ui;

import org.jspecify.annotations.NullMarked;
