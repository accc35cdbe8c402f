/**
 * The fleet's screens: the servers grid.
 */
@NullMarked
package org.calconfleet.fleet.ui;

import org.jspecify.annotations.NullMarked;
