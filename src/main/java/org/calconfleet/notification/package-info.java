/**
 * Notices to people outside the console: an e-mail to the port policy's notification addresses when a rollout
 * ends (finished, failed, cancelled) and when one of its hosts first needs attention; an e-mail and a signed webhook
 * when a change waits for approval and when a drift scan finds servers newly in drift. Sending never holds up or
 * breaks a rollout: it runs after the rollout's own commit, on its own thread, and a failure is logged and audited.
 */
@NullMarked
package org.calconfleet.notification;

import org.jspecify.annotations.NullMarked;
