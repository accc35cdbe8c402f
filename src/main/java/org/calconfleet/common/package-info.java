/**
 * What every feature shares and no feature owns: the clock.
 */
@NullMarked
package org.calconfleet.common;

import org.jspecify.annotations.NullMarked;
