/**
 * Maintenance windows that hold: weekly windows per site, in the site's time zone, and freezes (one site or all)
 * during which no host of a rollout starts. {@link org.calconfleet.window.MaintenanceCalendar} answers, as plain Java,
 * whether a site is open at an instant and when it opens next; the rollout engine asks
 * {@link org.calconfleet.window.MaintenanceWindows} before it starts a host.
 */
@NullMarked
package org.calconfleet.window;

import org.jspecify.annotations.NullMarked;
