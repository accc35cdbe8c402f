/**
 * The agent backend, console side: {@link org.calconfleet.host.agent.AgentHostBackend} reaches a CalCon agent
 * (the same jar in profile {@code agent}, on the host) over HTTPS, trusting exactly the agent's pinned
 * certificate and authenticating with the host's bearer token. Also the wire protocol both sides share
 * ({@link org.calconfleet.host.agent.AgentApi}, {@link org.calconfleet.host.agent.AgentJson}): the agent
 * depends on this package, never the reverse. Plain Java ({@code java.net.http}, Jackson), no framework.
 */
@NullMarked
package org.calconfleet.host.agent;

import org.jspecify.annotations.NullMarked;
