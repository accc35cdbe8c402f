/**
 * Security: the console's users, their four roles, sign-in, the demo users and the first administrator. Sign-in
 * checks the built-in users first, then (optionally) Active Directory or an LDAP directory; (optionally) an OpenID
 * Connect provider signs people in beside them. Users of the directory and of the provider get a record without a
 * password and the role their groups map to; failed password sign-ins are counted per user name and per address in
 * the database and lock both for a while.
 */
@NullMarked
package org.calconfleet.security;

import org.jspecify.annotations.NullMarked;
