/**
 * Running the console: the health of a node (database, job engine, the share of host backends that answered the last
 * drift scan) for load balancers and monitoring, and who may read the actuator's endpoints (health for everyone,
 * details and metrics for an administrator or a scraper holding the configured token).
 */
@NullMarked
package org.calconfleet.operations;

import org.jspecify.annotations.NullMarked;
