/**
 * What every feature shares and no feature owns: the clock, and whether this console runs the demo.
 */
@NullMarked
package org.calconfleet.common;

import org.jspecify.annotations.NullMarked;
