/**
 * The maintenance calendar over REST, {@code /api/v1/maintenance}: the sites' weekly windows and the freezes, read by
 * every role, added and deleted by an administrator through the same service (and so the same audit entries) as the
 * page.
 */
@NullMarked
package org.calconfleet.window.api;

import org.jspecify.annotations.NullMarked;
