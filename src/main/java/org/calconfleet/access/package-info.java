/**
 * Who may do what: the four roles and the user acting right now. Every feature depends on this; it depends on
 * nothing of ours.
 */
@NullMarked
package org.calconfleet.access;

import org.jspecify.annotations.NullMarked;
