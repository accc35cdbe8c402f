/**
 * The CalCon agent: the same jar started with profile {@code agent} ({@code java -jar app.jar
 * --spring.profiles.active=agent}) serves the {@code HostBackend} operations of the host it runs on, and
 * optionally the Domino console of a Domino server there, over HTTPS ({@link org.calconfleet.agent.AgentHttpServer}):
 * TLS 1.3 with a self-signed certificate made on first start (the console pins its SHA-256 fingerprint), a
 * per-host bearer token of which only a salted hash is stored, strict input checks, an access log line per
 * request. On Windows it acts on the local machine through the JNA backend; elsewhere on a simulated host, which
 * tests arrange through an admin channel that exists only when asked for.
 *
 * <p>The agent wires itself ({@link org.calconfleet.agent.AgentConfiguration}) without Spring Boot
 * auto-configuration, so nothing of the console (Vaadin, JPA and the data source, Flyway, Spring Security, demo
 * data) can start in it. No class here is a Spring stereotype ({@code @Component}, {@code @Configuration}):
 * the console's component scan of {@code org.calconfleet} therefore never picks up an agent part.
 */
@NullMarked
package org.calconfleet.agent;

import org.jspecify.annotations.NullMarked;
