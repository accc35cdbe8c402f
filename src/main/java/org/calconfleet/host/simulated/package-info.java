/**
 * A simulated Windows host (registry, service table, event log, TCP listeners) and the {@code HostBackend}
 * over it: the default backend of the demo fleet and of tests, with fault injection and counters.
 */
@NullMarked
package org.calconfleet.host.simulated;

import org.jspecify.annotations.NullMarked;
