/**
 * The port policy's screen: edit the settings, see what they mean, save with a reason.
 */
@NullMarked
package org.calconfleet.policy.ui;

import org.jspecify.annotations.NullMarked;
