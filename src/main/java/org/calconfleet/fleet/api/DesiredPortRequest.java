package org.calconfleet.fleet.api;

import jakarta.validation.constraints.NotNull;

/** The port the server should use (0: dynamic) and the version of the server the caller read. */
record DesiredPortRequest(@NotNull Integer desiredPort, @NotNull Long version) {
}
