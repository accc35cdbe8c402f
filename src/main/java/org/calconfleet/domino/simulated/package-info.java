/**
 * Simulated Domino servers that record the console commands they receive and run a pretend EXCALCON
 * task, with injectable failures, and the {@code DominoConsole} over them.
 */
@NullMarked
package org.calconfleet.domino.simulated;

import org.jspecify.annotations.NullMarked;
