/**
 * The dashboard: the fleet at a glance for every role.
 */
@NullMarked
package org.calconfleet.dashboard.ui;

import org.jspecify.annotations.NullMarked;
