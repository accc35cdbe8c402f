/**
 * Sign-in, the web security wiring, and the administrator's view of users.
 */
@NullMarked
package org.calconfleet.security.ui;

import org.jspecify.annotations.NullMarked;
