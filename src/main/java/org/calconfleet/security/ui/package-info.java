/**
 * Sign-in, the web security wiring, the administrator's view of users, and the signed-in user as the layout shows
 * them.
 */
@NullMarked
package org.calconfleet.security.ui;

import org.jspecify.annotations.NullMarked;
