/**
 * The fleet: the Exchange servers whose Calendar Connector the console manages, with the port each should
 * use and what was last observed on the host.
 */
@NullMarked
package org.calconfleet.fleet;

import org.jspecify.annotations.NullMarked;
