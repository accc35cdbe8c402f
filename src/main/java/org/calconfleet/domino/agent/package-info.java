/**
 * The Domino console through the CalCon agent on the Domino host: {@link org.calconfleet.domino.agent.AgentDominoConsole}
 * on the console side, and the wire form of commands and results ({@link org.calconfleet.domino.agent.DominoWire})
 * that the agent reads with the same rules. Commands travel as structured values, never as lines: the agent
 * renders each line itself with the {@code port} package's rules and text.
 */
@NullMarked
package org.calconfleet.domino.agent;

import org.jspecify.annotations.NullMarked;
