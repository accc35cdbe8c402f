/**
 * Security: the console's users, their four roles, sign-in, the demo users and the first administrator. Sign-in
 * checks the built-in users first, then (optionally) Active Directory or an LDAP directory, whose users get a
 * record without a password and the role their groups map to; failed sign-ins are counted per user name and per
 * address in the database and lock both for a while.
 */
@NullMarked
package org.calconfleet.security;

import org.jspecify.annotations.NullMarked;
