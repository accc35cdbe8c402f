/**
 * Security: the console's users, their four roles, sign-in, the demo users and the first administrator.
 */
@NullMarked
package org.calconfleet.security;

import org.jspecify.annotations.NullMarked;
