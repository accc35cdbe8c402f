/**
 * The host port: what a configuration job can do on one Exchange server (Calendar Connector registry
 * values, its Windows service, its event-log evidence, TCP listeners), as typed results, with the
 * domain's registry and event constants.
 */
@NullMarked
package org.calconfleet.host;

import org.jspecify.annotations.NullMarked;
